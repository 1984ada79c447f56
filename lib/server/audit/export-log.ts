import "server-only";
import Papa from "papaparse";
import { canonicalJson } from "../../domain/canonical-json";
import { slugify } from "../../domain/slug";
import { getDb, type Db } from "../../db";
import type { AuditExportFormat } from "../../schemas/audit";
import type { Actor } from "../actor";
import { requirePermission } from "../access";
import { CHAIN_BATCH_SIZE, chainBatches } from "./chain-batches";
import { lookUpActorNames, lookUpOpenings, presentEvent } from "./shape";

/** Column order of the CSV and key order of each JSON Lines record. */
export const AUDIT_EXPORT_COLUMNS = [
  "projectId",
  "seq",
  "at",
  "actorId",
  "actorName",
  "action",
  "entityType",
  "entityId",
  "data",
  "prevHash",
  "hash",
  "sealedDetails",
] as const;

// Spreadsheets run a cell that starts like a formula; such cells get a leading apostrophe. Papa's own
// default pattern misses values with a line break, so the test is on the first character only.
const FORMULA_START = /^[=+\-@\t\r]/;

const EXPORT_TYPES: Record<AuditExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  jsonl: "application/jsonl; charset=utf-8",
};

export interface AuditExport {
  filename: string;
  contentType: string;
  count: number;
  headHash: string;
  body: ReadableStream<Uint8Array>;
}

async function* exportLines(
  db: Db,
  projectId: string,
  lastSeq: number,
  format: AuditExportFormat,
  viewerId: string,
) {
  const names = new Map<string, string>();
  let first = true;
  for await (const rows of chainBatches(db, projectId, lastSeq, CHAIN_BATCH_SIZE)) {
    const [, openings] = await Promise.all([
      lookUpActorNames(db, rows, names),
      lookUpOpenings(db, projectId, rows, viewerId),
    ]);
    const records = rows.map((row) => ({ projectId: row.projectId, ...presentEvent(row, names, openings) }));
    if (format === "jsonl") {
      yield records.map((record) => JSON.stringify(record)).join("\n") + "\n";
    } else {
      const cells = records.map((record) => ({
        ...record,
        data: canonicalJson(record.data),
        // Empty for an event with nothing sealed, "null" while its details are withheld.
        sealedDetails: record.sealedDetails === undefined ? "" : canonicalJson(record.sealedDetails),
      }));
      // Formula escaping can only touch actorName: every hashed column starts with a letter, digit or "{".
      yield (
        Papa.unparse(cells, {
          columns: [...AUDIT_EXPORT_COLUMNS],
          header: first,
          escapeFormulae: FORMULA_START,
        }) + "\r\n"
      );
    }
    first = false;
  }
  if (first && format === "csv") yield Papa.unparse({ fields: [...AUDIT_EXPORT_COLUMNS], data: [] }) + "\r\n";
}

/**
 * The whole chain as a download, streamed batch by batch. It stops at the head recorded when the
 * export began, so the file is a consistent prefix whose last hash is `headHash`.
 */
export async function exportAuditLog(
  actor: Actor,
  projectId: string,
  format: AuditExportFormat,
): Promise<AuditExport> {
  await requirePermission(projectId, actor.userId, "audit.read");
  const db = getDb();
  const project = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { name: true, auditSeq: true, auditHead: true },
  });
  const lines = exportLines(db, projectId, project.auditSeq, format, actor.userId);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await lines.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return {
    filename: `verdict-audit-${slugify(project.name, 40)}-${day}.${format}`,
    contentType: EXPORT_TYPES[format],
    count: project.auditSeq,
    headHash: project.auditHead,
    body,
  };
}
