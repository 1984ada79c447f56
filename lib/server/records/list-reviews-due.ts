// The accepted records of a project whose review day has come, for the leads' callout on the overview.
import "server-only";
import { getDb } from "../../db";
import { calendarDay } from "../../domain/review";
import type { Actor } from "../actor";
import { requirePermission } from "../access";
import { recordKey } from "../../domain/slug";

export async function listReviewsDue(actor: Actor, projectId: string, now = new Date()) {
  await requirePermission(projectId, actor.userId, "record.manage");
  const rows = await getDb().decisionRecord.findMany({
    where: {
      decision: { projectId },
      status: "accepted",
      reviewBy: { lte: new Date(`${calendarDay(now)}T00:00:00Z`) },
    },
    select: { reviewBy: true, number: true, title: true, decision: { select: { id: true, title: true } } },
    orderBy: [{ reviewBy: "asc" }, { number: "asc" }],
  });
  return rows.map((row) => ({
    decisionId: row.decision.id,
    key: recordKey(row.number),
    title: row.title ?? row.decision.title,
    reviewBy: calendarDay(row.reviewBy!),
  }));
}

export type ReviewDueItem = Awaited<ReturnType<typeof listReviewsDue>>[number];
