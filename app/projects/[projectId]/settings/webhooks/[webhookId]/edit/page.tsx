import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { Card, CardBody, CardHeader } from "@/components/card";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { updateWebhookAction } from "../../actions";
import { loadWebhook } from "../../data";
import { OwnersOnly } from "../../owners-only";

export const metadata: Metadata = { title: "Edit webhook" };

export default async function EditWebhookPage({
  params,
}: {
  params: Promise<{ projectId: string; webhookId: string }>;
}) {
  const { projectId, webhookId } = await params;
  const base = `/projects/${projectId}/settings/webhooks`;
  const { webhook } = await loadWebhook(projectId, webhookId, `${base}/${webhookId}/edit`, false);
  if (!webhook) return <OwnersOnly />;
  return (
    <div className="space-y-4">
      <BackLink href={`${base}/${webhookId}`}>Webhook</BackLink>
      <Card as="section">
        <CardHeader title="Edit webhook" description={<span className="break-all">{webhook.url}</span>} />
        <CardBody>
          <WebhookForm
            action={updateWebhookAction.bind(null, projectId, webhookId)}
            webhook={webhook}
            listHref={base}
          />
        </CardBody>
      </Card>
    </div>
  );
}
