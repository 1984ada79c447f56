// A review that finds an accepted record still holds: who confirmed it and when are kept, and the
// next review date is set (or cleared).
import "server-only";
import { getDb } from "../../db";
import { calendarDay } from "../../domain/review";
import { AppError } from "../../errors";
import { confirmReviewSchema } from "../../schemas/record";
import type { Actor } from "../actor";
import { requirePermissionInTx } from "../access";
import { loadDecision } from "../decisions/load";
import { parseInput } from "../parse-input";
import { getRecord } from "./get-record";
import { storedReviewBy, writeReviewVersion } from "./review-version";
import { lockRecord } from "./versions";
import { requireStatus } from "./write-status-version";

export async function confirmReview(actor: Actor, decisionId: string, raw: unknown) {
  await loadDecision(decisionId, actor.userId, "record.manage");
  const { nextReviewBy, comment } = parseInput(confirmReviewSchema, raw);
  const now = new Date();
  if (nextReviewBy !== null && nextReviewBy <= calendarDay(now)) {
    throw new AppError("unprocessable", "The next review must fall after today, or be left out.", {
      issues: [{ path: "nextReviewBy", message: `Pick a day after ${calendarDay(now)}, or none.` }],
    });
  }
  await getDb().$transaction(async (tx) => {
    const record = await lockRecord(tx, decisionId);
    await requirePermissionInTx(tx, record.projectId, actor.userId, "record.manage");
    requireStatus(record, "accepted", "confirmed by a review");
    const before = await storedReviewBy(tx, record.id);
    await writeReviewVersion(tx, record, {
      before,
      reviewBy: nextReviewBy,
      confirmedAt: now,
      actorId: actor.userId,
      action: "record.review_confirmed",
      note: [
        "Review: the decision still holds.",
        nextReviewBy ? `Next review by ${nextReviewBy}.` : "No further review planned.",
        comment ?? "",
      ]
        .filter(Boolean)
        .join(" "),
      data: { reviewedAt: now.toISOString(), comment: comment ?? "" },
    });
  });
  return getRecord(actor, decisionId);
}
