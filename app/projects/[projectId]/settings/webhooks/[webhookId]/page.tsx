import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/components/back-link";
import { MutedBadge } from "@/components/badge";
import { buttonClasses } from "@/components/button";
import { Card, CardBody, CardHeader } from "@/components/card";
import { ActionButton } from "@/components/action-button";
import { AutoRefresh } from "@/components/webhooks/auto-refresh";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { describeEventChoice, webhookEventLabel } from "@/components/webhooks/labels";
import { deleteWebhookAction, redeliverAction, sendTestAction } from "../actions";
import { loadWebhook } from "../data";
import { OwnersOnly } from "../owners-only";

export const metadata: Metadata = { title: "Webhook" };

export default async function WebhookPage({
  params,
}: {
  params: Promise<{ projectId: string; webhookId: string }>;
}) {
  const { projectId, webhookId } = await params;
  const base = `/projects/${projectId}/settings/webhooks`;
  const { webhook, deliveries } = await loadWebhook(projectId, webhookId, `${base}/${webhookId}`, true);
  if (!webhook) return <OwnersOnly />;
  const inFlight = deliveries.some(
    (delivery) => delivery.status === "pending" || delivery.status === "delivering",
  );

  return (
    <div className="space-y-6">
      <BackLink href={base}>Webhooks</BackLink>
      <Card as="section">
        <CardHeader
          title={<span className="break-all">{webhook.url}</span>}
          description={webhook.description || undefined}
          action={
            <Link
              href={`${base}/${webhookId}/edit`}
              className={buttonClasses({ variant: "secondary", size: "sm" })}
            >
              Edit
            </Link>
          }
        />
        <CardBody className="space-y-4">
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-xs text-fg-muted">Events</dt>
              <dd className="text-fg">{describeEventChoice(webhook.events)}</dd>
            </div>
            <div>
              <dt className="text-xs text-fg-muted">Format</dt>
              <dd className="text-fg">
                {webhook.format === "slack" ? 'Slack-compatible ({"text": …})' : "Verdict JSON"}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-fg-muted">Secret</dt>
              <dd className="font-mono text-fg">{webhook.secretHint}</dd>
            </div>
            <div>
              <dt className="text-xs text-fg-muted">State</dt>
              <dd className="flex flex-wrap gap-1.5">
                <MutedBadge>{webhook.active ? "Active" : "Paused"}</MutedBadge>
                {webhook.allowPrivateAddresses ? <MutedBadge>Private addresses allowed</MutedBadge> : null}
              </dd>
            </div>
          </dl>
          <div className="flex flex-wrap items-start justify-between gap-3 border-t border-line pt-4">
            <ActionButton
              action={sendTestAction.bind(null, projectId, webhookId)}
              pendingLabel="Sending…"
              variant="primary"
              size="md"
            >
              Send test
            </ActionButton>
            <ActionButton
              action={deleteWebhookAction.bind(null, projectId, webhookId)}
              pendingLabel="Deleting…"
              variant="danger-ghost"
              size="md"
              confirm="Delete this webhook and its delivery log? Deliveries waiting to be retried are dropped."
            >
              Delete webhook
            </ActionButton>
          </div>
        </CardBody>
      </Card>

      <Card as="section">
        <CardHeader
          id="deliveries-heading"
          title="Recent deliveries"
          description={
            deliveries.length === 0
              ? undefined
              : "Newest first. Open one to see each attempt: the answer, its first lines or the error, and how long it took."
          }
        />
        {deliveries.length === 0 ? (
          <CardBody>
            <p className="text-sm text-fg-muted">
              Nothing sent yet. Press <strong className="font-medium text-fg">Send test</strong> to check that
              your receiver answers, or wait for the next event.
            </p>
          </CardBody>
        ) : (
          <DeliveryLog
            deliveries={deliveries}
            eventLabel={webhookEventLabel}
            redeliverButton={(delivery) => (
              <ActionButton
                action={redeliverAction.bind(null, projectId, webhookId, delivery.id)}
                pendingLabel="Queuing…"
              >
                Redeliver
              </ActionButton>
            )}
          />
        )}
      </Card>
      <AutoRefresh active={inFlight} />
    </div>
  );
}
