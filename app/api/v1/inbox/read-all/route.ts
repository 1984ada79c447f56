import { apiHandler } from "@/lib/server/api-handler";
import { markAllNotificationsRead } from "@/lib/server/notifications/inbox";

export const POST = apiHandler(async ({ actor }) => markAllNotificationsRead(actor));
