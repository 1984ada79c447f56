import "server-only";
import { getDb } from "../../db";
import { deprecateRecordSchema } from "../../schemas/record";
import type { Actor } from "../actor";
import { requirePermissionInTx } from "../access";
import { loadDecision } from "../decisions/load";
import { parseInput } from "../parse-input";
import { getRecord } from "./get-record";
import { lockRecord } from "./versions";
import { requireStatus, writeStatusVersion } from "./write-status-version";

export async function deprecateRecord(actor: Actor, decisionId: string, raw: unknown) {
  await loadDecision(decisionId, actor.userId, "record.manage");
  const { comment } = parseInput(deprecateRecordSchema, raw);
  await getDb().$transaction(async (tx) => {
    const record = await lockRecord(tx, decisionId);
    await requirePermissionInTx(tx, record.projectId, actor.userId, "record.manage");
    requireStatus(record, "accepted", "deprecated");
    await writeStatusVersion(tx, record, {
      to: "deprecated",
      actorId: actor.userId,
      action: "record.deprecated",
      note: comment ? `Deprecated: ${comment}` : "Deprecated.",
      data: { comment: comment ?? "" },
    });
  });
  return getRecord(actor, decisionId);
}
