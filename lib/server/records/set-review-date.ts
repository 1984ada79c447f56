// A lead sets, moves or clears the day a record is next reviewed.
import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import { setReviewDateSchema } from "../../schemas/record";
import type { Actor } from "../actor";
import { requirePermissionInTx } from "../access";
import { loadDecision } from "../decisions/load";
import { parseInput } from "../parse-input";
import { getRecord } from "./get-record";
import { storedReviewBy, writeReviewVersion } from "./review-version";
import { lockRecord } from "./versions";

// A review asks whether a decision still holds: that of a record in force or about to be.
const CAN_HAVE_REVIEW = new Set(["proposed", "accepted"]);

export async function setReviewDate(actor: Actor, decisionId: string, raw: unknown) {
  await loadDecision(decisionId, actor.userId, "record.manage");
  const { reviewBy } = parseInput(setReviewDateSchema, raw);
  await getDb().$transaction(async (tx) => {
    const record = await lockRecord(tx, decisionId);
    await requirePermissionInTx(tx, record.projectId, actor.userId, "record.manage");
    const before = await storedReviewBy(tx, record.id);
    if (before === reviewBy) return;
    // Clearing is always allowed, so a stale date never sticks to a record that left force.
    if (reviewBy !== null && !CAN_HAVE_REVIEW.has(record.status)) {
      throw new AppError(
        "conflict",
        `This record is ${record.status}; only a proposed or accepted record can be given a review date.`,
      );
    }
    await writeReviewVersion(tx, record, {
      before,
      reviewBy,
      actorId: actor.userId,
      action: "record.review_date_set",
      note: reviewBy ? `Review by ${reviewBy}.` : "Review date cleared.",
    });
  });
  return getRecord(actor, decisionId);
}
