import { apiHandler } from "@/lib/server/api-handler";
import {
  getNotificationPreferences,
  updateNotificationPreferences,
} from "@/lib/server/notifications/preferences";

export const GET = apiHandler(async ({ actor }) => getNotificationPreferences(actor));
export const PUT = apiHandler(async ({ actor, body }) => updateNotificationPreferences(actor, await body()));
