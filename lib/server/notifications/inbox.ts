// The caller's own inbox. Every query is scoped by the caller's user id, so another person's
// notification is simply not found (404), whatever id is sent.
import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { inboxQuerySchema, type NotificationView } from "../../schemas/notification";
import type { Actor } from "../actor";
import { parseInput } from "../parse-input";

/** The caller's notifications from projects they still belong to: leaving a project takes its news away too. */
const mine = (userId: string) => ({ userId, project: { members: { some: { userId } } } });

export async function unreadCount(actor: Actor): Promise<number> {
  return getDb().notification.count({ where: { ...mine(actor.userId), readAt: null } });
}

export async function listInbox(actor: Actor, raw: unknown) {
  const query = parseInput(inboxQuerySchema, raw);
  const db = getDb();
  let cursor: { createdAt: Date; id: string } | null = null;
  if (query.before) {
    cursor = await db.notification.findFirst({
      where: { id: query.before, ...mine(actor.userId) },
      select: { createdAt: true, id: true },
    });
    if (!cursor)
      throw new AppError("unprocessable", "`before` names no notification of yours.", {
        issues: [{ path: "before", message: "unknown" }],
      });
  }
  const where = {
    ...mine(actor.userId),
    ...(query.unread === "true" ? { readAt: null } : {}),
    ...(cursor
      ? {
          OR: [
            { createdAt: { lt: cursor.createdAt } },
            { createdAt: cursor.createdAt, id: { lt: cursor.id } },
          ],
        }
      : {}),
  };
  const [rows, unread] = await Promise.all([
    query.limit === 0
      ? Promise.resolve([])
      : db.notification.findMany({
          where,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: query.limit + 1,
          select: {
            id: true,
            kind: true,
            projectId: true,
            decisionId: true,
            title: true,
            body: true,
            link: true,
            createdAt: true,
            readAt: true,
            project: { select: { name: true } },
          },
        }),
    unreadCount(actor),
  ]);
  const page = rows.slice(0, query.limit);
  const notifications: NotificationView[] = page.map((row) => ({
    id: row.id,
    kind: row.kind,
    projectId: row.projectId,
    projectName: row.project.name,
    decisionId: row.decisionId,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  }));
  return {
    notifications,
    unreadCount: unread,
    next: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export async function markNotificationRead(actor: Actor, notificationId: string) {
  const db = getDb();
  const found = await db.notification.findFirst({
    where: { id: notificationId, ...mine(actor.userId) },
    select: { readAt: true },
  });
  if (!found) throw new AppError("not_found", "No such notification.");
  const updated = found.readAt
    ? 0
    : (
        await db.notification.updateMany({
          where: { id: notificationId, userId: actor.userId, readAt: null },
          data: { readAt: new Date() },
        })
      ).count;
  return { updated, unreadCount: await unreadCount(actor) };
}

export async function markAllNotificationsRead(actor: Actor) {
  const { count } = await getDb().notification.updateMany({
    where: { ...mine(actor.userId), readAt: null },
    data: { readAt: new Date() },
  });
  return { updated: count, unreadCount: await unreadCount(actor) };
}
