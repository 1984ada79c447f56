import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { PublishLog } from "@/components/git/publish-log";
import { can } from "@/lib/server/access";
import { getRepositoryConnection } from "@/lib/server/git/connection";
import { listPublishLog } from "@/lib/server/git/publish-log";
import { loadProject } from "../../data";
import { ActionButton } from "@/components/action-button";
import { disconnectAction, overwriteAction, publishNowAction, saveConnectionAction } from "./actions";
import { ConnectionForm } from "./connection-form";

export const metadata: Metadata = { title: "Git settings" };

export default async function GitSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { actor, project } = await loadProject(projectId, `/projects/${projectId}/settings/git`);
  if (!can(project.role, "repository.publish")) {
    return (
      <EmptyState title="Git settings are for owners and leads">
        The project&apos;s owners connect its repository; owners and leads follow what is published there.
        Records themselves are on the Records tab.
      </EmptyState>
    );
  }
  const isOwner = can(project.role, "repository.manage");
  const [{ connection, canStoreCredentials, fileRemotesAllowed }, log] = await Promise.all([
    getRepositoryConnection(actor, projectId),
    listPublishLog(actor, projectId, { limit: 100 }),
  ]);
  const publications = log.publications;
  const waiting = publications.filter((p) => p.status === "pending" || p.status === "failed").length;

  return (
    <div className="space-y-6">
      <Card as="section">
        <CardHeader
          title="Publish to git"
          description="Every new, edited or decided record is committed to the repository below, by the person who made the change, and pushed."
          action={
            connection && isOwner ? (
              <ActionButton
                action={disconnectAction.bind(null, projectId)}
                pendingLabel="Disconnecting…"
                variant="danger-ghost"
                confirm="Disconnect this repository? Nothing more will be pushed; what is already there stays."
              >
                Disconnect
              </ActionButton>
            ) : undefined
          }
        />
        <CardBody>
          {isOwner ? (
            <ConnectionForm
              action={saveConnectionAction.bind(null, projectId)}
              connection={connection}
              canStoreCredentials={canStoreCredentials}
              fileRemotesAllowed={fileRemotesAllowed}
            />
          ) : connection ? (
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
              <dt className="text-fg-muted">Repository</dt>
              <dd className="font-mono break-all text-fg">{connection.remoteUrl}</dd>
              <dt className="text-fg-muted">Branch</dt>
              <dd className="font-mono text-fg">{connection.branch}</dd>
              <dt className="text-fg-muted">Folder</dt>
              <dd className="font-mono text-fg">{connection.folder || "(top level)"}</dd>
              <dt className="text-fg-muted">Proposed records</dt>
              <dd className="text-fg">
                {connection.proposedBranches ? "on their own branch" : "on the branch above"}
              </dd>
            </dl>
          ) : (
            <p className="text-sm text-fg-muted">
              No repository is connected. A project owner can connect one here.
            </p>
          )}
        </CardBody>
      </Card>

      <Card as="section">
        <CardHeader
          id="publish-log-heading"
          title="Publish log"
          description={
            connection
              ? waiting > 0
                ? `${waiting} publication(s) waiting or failed. Publish now retries them.`
                : "Every push, newest first."
              : "Connect a repository to start publishing."
          }
          action={
            connection ? (
              <div className="flex flex-wrap items-start gap-2">
                <ActionButton
                  action={publishNowAction.bind(null, projectId)}
                  pendingLabel="Publishing…"
                >
                  Publish now
                </ActionButton>
                {publications.length === 0 ? (
                  <ActionButton
                    action={publishNowAction.bind(null, projectId)}
                    pendingLabel="Publishing all…"
                    variant="primary"
                    hidden={{ all: "on" }}
                  >
                    Publish all records
                  </ActionButton>
                ) : null}
              </div>
            ) : undefined
          }
        />
        {publications.length === 0 ? (
          <CardBody>
            <p className="text-sm text-fg-muted">
              {connection
                ? "Nothing published yet. Records are published as they change; “Publish all records” commits the existing ones in one go."
                : "Nothing published yet."}
            </p>
          </CardBody>
        ) : (
          <PublishLog
            publications={publications}
            overwrite={(id) => (
              <ActionButton
                action={overwriteAction.bind(null, projectId, id)}
                pendingLabel="Overwriting…"
                variant="danger"
                confirm="Replace the file in git with Verdict's version? The edit made in git is kept only in the repository's history."
              >
                Overwrite with Verdict's version
              </ActionButton>
            )}
          />
        )}
      </Card>
    </div>
  );
}
