// The project's default export format for records (MADR 4, log4brains or adr-tools), set by a lead.
import "server-only";
import { getDb } from "../../db";
import { recordSettingsSchema } from "../../schemas/record";
import type { Actor } from "../actor";
import { requirePermission, requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { parseInput } from "../parse-input";

export async function setRecordFormat(actor: Actor, projectId: string, raw: unknown) {
  await requirePermission(projectId, actor.userId, "record.manage");
  const { recordFormat } = parseInput(recordSettingsSchema, raw);
  return getDb().$transaction(async (tx) => {
    await requirePermissionInTx(tx, projectId, actor.userId, "record.manage");
    const before = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { recordFormat: true } });
    if (before.recordFormat !== recordFormat) {
      await tx.project.update({ where: { id: projectId }, data: { recordFormat } });
      await appendAuditEvent(tx, {
        projectId,
        actorId: actor.userId,
        action: "project.record_format_changed",
        entityType: "project",
        entityId: projectId,
        data: { before: { recordFormat: before.recordFormat }, after: { recordFormat } },
      });
    }
    return { recordFormat };
  });
}
