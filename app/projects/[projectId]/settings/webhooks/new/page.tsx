import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { Card, CardBody, CardHeader } from "@/components/card";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { createWebhookAction } from "../actions";
import { loadWebhookSettings } from "../data";
import { OwnersOnly } from "../owners-only";

export const metadata: Metadata = { title: "Add webhook" };

export default async function NewWebhookPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const base = `/projects/${projectId}/settings/webhooks`;
  const { isOwner } = await loadWebhookSettings(projectId, `${base}/new`);
  if (!isOwner) return <OwnersOnly />;
  return (
    <div className="space-y-4">
      <BackLink href={base}>Webhooks</BackLink>
      <Card as="section">
        <CardHeader
          title="Add webhook"
          description="Verdict signs every delivery with the webhook's secret and retries failures."
        />
        <CardBody>
          <WebhookForm action={createWebhookAction.bind(null, projectId)} listHref={base} />
        </CardBody>
      </Card>
    </div>
  );
}
