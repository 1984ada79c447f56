import "server-only";
import { getDb } from "../../db";
import { rejectRecordSchema } from "../../schemas/record";
import type { Actor } from "../actor";
import { requirePermissionInTx } from "../access";
import { loadDecision } from "../decisions/load";
import { parseInput } from "../parse-input";
import { getRecord } from "./get-record";
import { settleSupersede } from "./supersede-record";
import { lockRecord } from "./versions";
import { requireStatus, writeStatusVersion } from "./write-status-version";

export async function rejectRecord(actor: Actor, decisionId: string, raw: unknown) {
  await loadDecision(decisionId, actor.userId, "record.manage");
  const { comment } = parseInput(rejectRecordSchema, raw);
  await getDb().$transaction(async (tx) => {
    const record = await lockRecord(tx, decisionId);
    await requirePermissionInTx(tx, record.projectId, actor.userId, "record.manage");
    requireStatus(record, "proposed", "rejected");
    await writeStatusVersion(tx, record, {
      to: "rejected",
      actorId: actor.userId,
      action: "record.rejected",
      note: `Rejected: ${comment}`,
      data: { comment },
    });
    await settleSupersede(tx, record, "rejected", actor.userId);
  });
  return getRecord(actor, decisionId);
}
