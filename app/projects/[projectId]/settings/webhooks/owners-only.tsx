import { Alert } from "@/components/alert";

export function OwnersOnly() {
  return (
    <Alert tone="info" title="Only owners manage webhooks">
      Webhooks send this project&apos;s events to other services. Ask an owner of the project if you need one.
    </Alert>
  );
}
