"use server";

import { revalidatePath } from "next/cache";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/server/notifications/inbox";
import { requireActor } from "../_lib/session";

export async function markReadAction(notificationId: string): Promise<{ unreadCount: number }> {
  const actor = await requireActor("/inbox");
  const result = await markNotificationRead(actor, notificationId);
  revalidatePath("/inbox");
  return { unreadCount: result.unreadCount };
}

export async function markAllReadAction(): Promise<{ unreadCount: number }> {
  const actor = await requireActor("/inbox");
  const result = await markAllNotificationsRead(actor);
  revalidatePath("/inbox");
  return { unreadCount: result.unreadCount };
}
