import { apiHandler } from "@/lib/server/api-handler";
import { markNotificationRead } from "@/lib/server/notifications/inbox";

export const POST = apiHandler(async ({ actor, params }) =>
  markNotificationRead(actor, params.notificationId!),
);
