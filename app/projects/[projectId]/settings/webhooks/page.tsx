import type { Metadata } from "next";
import Link from "next/link";
import { MutedBadge } from "@/components/badge";
import { buttonClasses } from "@/components/button";
import { Card, CardHeader } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { formatDateTime } from "@/components/format";
import { describeEventChoice } from "@/components/webhooks/labels";
import { DeliveryStatusBadge } from "@/components/webhooks/status";
import { loadWebhookList } from "./data";
import { OwnersOnly } from "./owners-only";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { isOwner, webhooks } = await loadWebhookList(projectId);
  const base = `/projects/${projectId}/settings/webhooks`;
  if (!isOwner) return <OwnersOnly />;

  const addButton = (
    <Link href={`${base}/new`} className={buttonClasses({ variant: "primary" })}>
      Add webhook
    </Link>
  );
  if (webhooks.length === 0) {
    return (
      <EmptyState title="No webhooks yet" action={addButton}>
        A webhook sends this project&apos;s events — votes opened and closed, records proposed and accepted,
        comments, member changes — to a URL of yours: a chat channel, a CI job or your own service. Each
        delivery is signed and retried until it gets through.
      </EmptyState>
    );
  }
  return (
    <Card as="section">
      <CardHeader
        id="webhooks-heading"
        title="Webhooks"
        description="Each receives the events it is subscribed to, signed with its own secret."
        action={addButton}
      />
      <ul className="divide-y divide-line" aria-labelledby="webhooks-heading">
        {webhooks.map((webhook) => (
          <li key={webhook.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-5">
            <div className="min-w-0 flex-1 basis-64">
              <Link
                href={`${base}/${webhook.id}`}
                className="text-sm font-medium break-all text-fg hover:text-accent-text hover:underline"
              >
                {webhook.url}
              </Link>
              {webhook.description ? <p className="text-sm text-fg-muted">{webhook.description}</p> : null}
              <p className="mt-0.5 text-xs text-fg-muted">{describeEventChoice(webhook.events)}</p>
            </div>
            <div className="flex flex-wrap items-center gap-1.5">
              <MutedBadge>{webhook.format === "slack" ? "Slack" : "Verdict JSON"}</MutedBadge>
              {webhook.active ? null : <MutedBadge>Paused</MutedBadge>}
              {webhook.allowPrivateAddresses ? <MutedBadge>Private addresses allowed</MutedBadge> : null}
              {webhook.latest ? (
                <span className="flex items-center gap-1.5 text-xs text-fg-muted">
                  <DeliveryStatusBadge status={webhook.latest.status} attempts={webhook.latest.attempts} />
                  <time dateTime={webhook.latest.createdAt}>
                    {formatDateTime(new Date(webhook.latest.createdAt))}
                  </time>
                </span>
              ) : (
                <span className="text-xs text-fg-subtle">Nothing sent yet</span>
              )}
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
