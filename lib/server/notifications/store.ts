// Writes inbox rows and their email jobs in the caller's transaction. The unique (user, sourceKey)
// key makes a second attempt at the same thing a no-op, and only rows inserted now get an email job.
import "server-only";
import type { Tx } from "../../db";
import type { NotificationDraft } from "./derive";
import { smtpUrl } from "./settings";

export async function storeNotifications(tx: Tx, drafts: NotificationDraft[]): Promise<number> {
  if (drafts.length === 0) return 0;
  const created = await tx.notification.createManyAndReturn({
    data: drafts,
    skipDuplicates: true,
    select: { id: true, userId: true, kind: true },
  });
  // Without SMTP nothing is queued: turning email on later must not send a backlog of old news.
  if (created.length > 0 && smtpUrl()) {
    const optedOut = await tx.notificationPreference.findMany({
      where: { userId: { in: [...new Set(created.map((row) => row.userId))] }, email: false },
      select: { userId: true, kind: true },
    });
    const off = new Set(optedOut.map((row) => `${row.userId}:${row.kind}`));
    const jobs = created
      .filter((row) => !off.has(`${row.userId}:${row.kind}`))
      .map((row) => ({ notificationId: row.id }));
    if (jobs.length > 0) await tx.emailJob.createMany({ data: jobs, skipDuplicates: true });
  }
  return created.length;
}
