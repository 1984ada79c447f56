// A project's records as a folder in a zip, ready to commit next to the code: MADR 4 (as stored), or
// the log4brains or adr-tools (Nygard) variant, with an index.md table of contents. Exporting fixes
// each record's file name for good, so the next export (or a publish) writes the same files.
import "server-only";
import JSZip from "jszip";
import { getDb } from "../../db";
import {
  decisionMakersOf,
  formatRecord,
  recordsIndex,
  splitEvidence,
  type LinkedRecord,
  type RecordFormat,
} from "../../domain/record-formats";
import { formatRecordNumber, slugify } from "../../domain/slug";
import { recordExportQuerySchema } from "../../schemas/record";
import type { Actor } from "../actor";
import { requirePermission, requirePermissionInTx } from "../access";
import { parseInput } from "../parse-input";
import { isoDate } from "./evidence";
import { fixFileNames } from "./fix-file-names";

export const RECORDS_FOLDER = "docs/decisions";
const EVIDENCE_FOLDER = "evidence";

export async function exportRecordsZip(actor: Actor, projectId: string, rawQuery: unknown = {}) {
  await requirePermission(projectId, actor.userId, "project.read");
  const query = parseInput(recordExportQuerySchema, rawQuery);
  const { project, files } = await getDb().$transaction(async (tx) => {
    await requirePermissionInTx(tx, projectId, actor.userId, "project.read");
    const names = await fixFileNames(tx, projectId, actor.userId);
    const project = await tx.project.findUniqueOrThrow({
      where: { id: projectId },
      select: { name: true, recordFormat: true },
    });
    const records = await tx.decisionRecord.findMany({
      where: { projectId },
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        title: true,
        status: true,
        historical: true,
        supersededById: true,
        decision: { select: { title: true, closedAt: true } },
        versions: { orderBy: { version: "desc" }, take: 1, select: { markdown: true } },
      },
    });
    return { project, files: records.map((r) => ({ ...r, fileName: names.get(r.id)! })) };
    // Naming every record on a first export is a query or two per record.
  }, { timeout: 60_000, maxWait: 20_000 });
  const format = (query.format ?? project.recordFormat) as RecordFormat;
  const linked = new Map<string, LinkedRecord>(
    files.map((r) => [
      r.id,
      { key: `ADR-${formatRecordNumber(r.number)}`, number: r.number, title: r.title ?? r.decision.title, fileName: r.fileName },
    ]),
  );

  const zip = new JSZip();
  const folder = zip.folder(RECORDS_FOLDER)!;
  const index: Parameters<typeof recordsIndex>[1] = [];
  for (const record of files) {
    let markdown = record.versions[0]?.markdown;
    if (markdown === undefined) continue;
    const title = record.title ?? record.decision.title;
    const date = record.decision.closedAt ? isoDate(record.decision.closedAt) : null;
    const status = record.status === "unknown" ? null : record.status;
    const fileName = format === "nygard" ? nygardFileName(record.number, record.fileName) : record.fileName;
    const options = { date: record.decision.closedAt ?? undefined };
    if (query.evidence === "appendix" && !record.historical) {
      const appendixName = `${EVIDENCE_FOLDER}/${fileName}`;
      const split = splitEvidence(markdown, appendixName, title);
      if (split) {
        markdown = split.record;
        folder.file(appendixName, split.appendix, options);
      }
    }
    const text = formatRecord(
      markdown,
      {
        number: record.number,
        title,
        status,
        date,
        deciders: decisionMakersOf(markdown),
        fileName,
        supersedes: files.filter((r) => r.supersededById === record.id).map((r) => linked.get(r.id)!),
        supersededBy: record.supersededById ? (linked.get(record.supersededById) ?? null) : null,
      },
      format,
    );
    folder.file(fileName, text, options);
    index.push({ number: record.number, title, status, date, fileName });
  }
  // Each tool keeps its own index file name; adr-tools reads only NNNN-*.md, so index.md is safe there too.
  folder.file("index.md", recordsIndex(project.name, index));
  // `adr init docs/decisions` leaves this file so the adr command finds the folder.
  if (format === "nygard") zip.file(".adr-dir", `${RECORDS_FOLDER}\n`);
  const data = await zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
  const suffix = format === "madr" ? "" : `-${format}`;
  return { fileName: `${slugify(project.name)}-decision-records${suffix}.zip`, data, count: files.length, format };
}

// adr-tools finds records by a leading number; a log4brains-dated name gets one in the Nygard variant.
export function nygardFileName(number: number, fileName: string): string {
  if (/^\d{1,6}-/.test(fileName)) return fileName;
  return `${formatRecordNumber(number)}-${fileName.replace(/^\d{8}-/, "")}`;
}
