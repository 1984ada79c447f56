// The shared step of every record status change (accept, reject, deprecate, supersede): a new version
// whose Markdown differs only in its status line; the narrative is never touched.
import "server-only";
import type { Tx } from "../../db";
import { AppError } from "../../errors";
import { recordLinks } from "./evidence";
import { restatusMarkdown } from "./restatus-markdown";
import { writeMetadataVersion, type LockedRecord } from "./versions";

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
  const links = await recordLinks(tx, record.id);
  return writeMetadataVersion(tx, record, {
    markdown: (previous) => restatusMarkdown(previous, change.to, links),
    columns: { status: change.to },
    before: { status: record.status },
    after: { status: change.to },
    actorId: change.actorId,
    action: change.action,
    note: change.note,
    data: change.data,
  });
}

export function requireStatus(record: LockedRecord, allowed: string, doing: string) {
  if (record.status !== allowed) {
    throw new AppError(
      "conflict",
      `This record is ${record.status}; only a ${allowed} record can be ${doing}.`,
    );
  }
}
