// The record page's "Git" card: how the record's last change fared in the project's repository.
import Link from "next/link";
import { Card, CardBody, CardHeader } from "../card";
import { formatDateTime } from "../format";
import { ConflictTexts, PublicationStatus, type PublicationView } from "./publish-log";

export function RecordPublishStatus({
  publication,
  settingsHref,
}: {
  publication: PublicationView | null;
  /** The git settings page, for those who may act on a failure or conflict. */
  settingsHref: string | null;
}) {
  return (
    <Card as="section">
      <CardHeader title="Git" level={3} />
      <CardBody className="space-y-2 text-sm">
        {publication ? (
          <>
            <p className="flex flex-wrap items-center gap-2">
              <PublicationStatus status={publication.status} />
              <span className="text-fg-muted">
                {publication.change} ·{" "}
                <time dateTime={publication.attemptedAt ?? publication.createdAt}>
                  {formatDateTime(new Date(publication.attemptedAt ?? publication.createdAt))}
                </time>
              </span>
            </p>
            {publication.path ? (
              <p className="font-mono text-xs break-all text-fg-muted">
                {publication.branch}:{publication.path}
                {publication.commitId ? ` @ ${publication.commitId.slice(0, 10)}` : ""}
              </p>
            ) : null}
            {publication.error && publication.status !== "published" ? (
              <p className="text-fg-muted">{publication.error}</p>
            ) : null}
            {publication.status === "conflict" ? (
              <details>
                <summary className="cursor-pointer font-medium text-accent-text">
                  Compare the two versions
                </summary>
                <div className="mt-3">
                  <ConflictTexts publication={publication} />
                </div>
              </details>
            ) : null}
          </>
        ) : (
          <p className="text-fg-muted">
            Not published yet: it will be when this record next changes, or with “Publish now”.
          </p>
        )}
        {settingsHref &&
        publication &&
        publication.status !== "published" &&
        publication.status !== "unchanged" ? (
          <p>
            <Link href={settingsHref} className="font-medium text-accent-text hover:underline">
              Open the publish log
            </Link>
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}
