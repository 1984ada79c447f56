// A record's file name is fixed once, the first time it leaves Verdict (export, publish, or a link
// from another record's file), and kept whatever its title becomes: git then sees edits, not renames,
// and links between records keep working. Imported records keep the name they came with.
import "server-only";
import type { Tx } from "../../db";
import { recordFileName } from "../../domain/slug";
import { appendAuditEvent } from "../audit";

/**
 * Gives each of the project's records that has no file name yet (or only those in `recordIds`) its
 * `NNNN-slug.md` from its current title, audited; returns every record's file name by record id.
 */
export async function fixFileNames(
  tx: Tx,
  projectId: string,
  actorId: string | null,
  recordIds?: string[],
): Promise<Map<string, string>> {
  const records = await tx.decisionRecord.findMany({
    where: { projectId },
    select: { id: true, number: true, title: true, fileName: true, decision: { select: { id: true, title: true } } },
    orderBy: { number: "asc" },
  });
  const taken = new Set(records.flatMap((r) => (r.fileName ? [r.fileName.toLowerCase()] : [])));
  const names = new Map<string, string>();
  for (const record of records) {
    if (record.fileName) {
      names.set(record.id, record.fileName);
      continue;
    }
    if (recordIds && !recordIds.includes(record.id)) continue;
    let fileName = recordFileName(record.number, record.title ?? record.decision.title);
    for (let n = 2; taken.has(fileName.toLowerCase()); n++) {
      fileName = fileName.replace(/(?:-\d+)?\.md$/, `-${n}.md`);
    }
    taken.add(fileName.toLowerCase());
    await tx.decisionRecord.update({ where: { id: record.id }, data: { fileName } });
    await appendAuditEvent(tx, {
      projectId,
      actorId,
      action: "record.file_named",
      entityType: "record",
      entityId: record.id,
      data: { decisionId: record.decision.id, after: { fileName } },
    });
    names.set(record.id, fileName);
  }
  return names;
}
