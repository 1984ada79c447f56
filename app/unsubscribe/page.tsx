import type { Metadata } from "next";
import { Alert } from "@/components/alert";
import { Card, CardBody, CardHeader } from "@/components/card";
import { PageContainer } from "@/components/page";
import { NOTIFICATION_KIND_LABELS } from "@/lib/domain/notifications";
import { readUnsubscribeToken } from "@/lib/server/notifications/unsubscribe-token";
import { UnsubscribeForm } from "./unsubscribe-form";

export const metadata: Metadata = { title: "Unsubscribe" };

// Opening the link only asks; the button does it, so a mail scanner following links changes nothing.
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token } = await searchParams;
  const claim = token ? readUnsubscribeToken(token) : null;
  return (
    <PageContainer width="narrow">
      <Card as="section" className="mx-auto max-w-lg">
        <CardHeader title="Email notifications" />
        <CardBody>
          {claim && token ? (
            <UnsubscribeForm token={token} label={NOTIFICATION_KIND_LABELS[claim.kind].label} />
          ) : (
            <Alert>
              This unsubscribe link is not valid. Sign in and change your email settings under Settings →
              Notifications.
            </Alert>
          )}
        </CardBody>
      </Card>
    </PageContainer>
  );
}
