// The shared step of every record status change (accept, reject, deprecate, supersede): a new version
// whose Markdown differs only in its status line; the narrative is never touched.
import "server-only";
import type { Tx } from "../../db";
import { AppError } from "../../errors";
import { appendAuditEvent } from "../audit";
import { recordLinks } from "./evidence";
import { restatusMarkdown } from "./restatus-markdown";
import { currentVersion, writeVersion, type LockedRecord } from "./versions";

/**
 * Writes the next version with a new status line (and the current links), updates the record's
 * status and appends the audit event, all in the caller's transaction.
 */
export async function writeStatusVersion(
  tx: Tx,
  record: LockedRecord,
  change: {
    to: string;
    actorId: string | null;
    action: string;
    note: string;
    data?: Record<string, unknown>;
  },
) {
  const previous = await currentVersion(tx, record.id);
  const links = await recordLinks(tx, record.id);
  const markdown = restatusMarkdown(previous.markdown, change.to, links);
  const version = previous.version + 1;
  await writeVersion(tx, {
    recordId: record.id,
    version,
    markdown,
    narrative: previous.stored,
    authorId: change.actorId,
    note: change.note,
  });
  await tx.decisionRecord.update({ where: { id: record.id }, data: { status: change.to } });
  await appendAuditEvent(tx, {
    projectId: record.projectId,
    actorId: change.actorId,
    action: change.action,
    entityType: "record",
    entityId: record.id,
    data: {
      decisionId: record.decisionId,
      version,
      before: { status: record.status },
      after: { status: change.to },
      ...change.data,
    },
  });
  return version;
}

export function requireStatus(record: LockedRecord, allowed: string, doing: string) {
  if (record.status !== allowed) {
    throw new AppError(
      "conflict",
      `This record is ${record.status}; only a ${allowed} record can be ${doing}.`,
    );
  }
}
