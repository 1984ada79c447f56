// A record's file as the project's export writes it (same format, name and text), for one version.
import "server-only";
import type { Tx } from "../../db";
import {
  decisionMakersOf,
  formatRecord,
  type LinkedRecord,
  type RecordFormat,
} from "../../domain/record-formats";
import { formatRecordNumber } from "../../domain/slug";
import { isoDate } from "../records/evidence";
import { nygardFileName } from "../records/export-records";
import { fixFileNames } from "../records/fix-file-names";

export interface RecordFile {
  recordId: string;
  number: number;
  title: string;
  status: string;
  /** The file's name inside the folder. */
  fileName: string;
  text: string;
}

/** A line of the records' index.md, for every record that has left Verdict (it has a file name). */
export interface IndexEntry {
  number: number;
  title: string;
  status: string;
  date: string | null;
  fileName: string;
}

/**
 * The files of the given records at the given versions (the latest when a version is gone), and the
 * project's index entries as the records stand now, read in the same transaction so they agree.
 */
export async function renderRecordFiles(
  tx: Tx,
  projectId: string,
  versions: Map<string, number>,
): Promise<{ files: RecordFile[]; projectName: string; index: IndexEntry[] }> {
  // A record leaving Verdict gets its file name fixed for good, as an export does.
  const names = await fixFileNames(tx, projectId, null, [...versions.keys()]);
  const project = await tx.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { name: true, recordFormat: true },
  });
  const format = project.recordFormat as RecordFormat;
  const records = await tx.decisionRecord.findMany({
    where: { projectId },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      supersededById: true,
      decision: { select: { title: true, closedAt: true } },
    },
  });
  const linked = new Map<string, LinkedRecord>(
    records.map((r) => [
      r.id,
      {
        key: `ADR-${formatRecordNumber(r.number)}`,
        number: r.number,
        title: r.title ?? r.decision.title,
        fileName: names.get(r.id) ?? "",
      },
    ]),
  );
  const files: RecordFile[] = [];
  const index: IndexEntry[] = [];
  for (const record of [...records].sort((a, b) => a.number - b.number)) {
    const storedName = names.get(record.id);
    if (storedName === undefined) continue;
    index.push({
      number: record.number,
      title: record.title ?? record.decision.title,
      status: record.status,
      date: record.decision.closedAt ? isoDate(record.decision.closedAt) : null,
      fileName: format === "nygard" ? nygardFileName(record.number, storedName) : storedName,
    });
  }
  for (const record of records) {
    const wanted = versions.get(record.id);
    if (wanted === undefined) continue;
    const version =
      (await tx.recordVersion.findUnique({
        where: { recordId_version: { recordId: record.id, version: wanted } },
        select: { markdown: true },
      })) ??
      (await tx.recordVersion.findFirst({
        where: { recordId: record.id },
        orderBy: { version: "desc" },
        select: { markdown: true },
      }));
    if (!version) continue;
    const storedName = names.get(record.id)!;
    const title = record.title ?? record.decision.title;
    const fileName = format === "nygard" ? nygardFileName(record.number, storedName) : storedName;
    const text = formatRecord(
      version.markdown,
      {
        number: record.number,
        title,
        status: record.status === "unknown" ? null : record.status,
        date: record.decision.closedAt ? isoDate(record.decision.closedAt) : null,
        deciders: decisionMakersOf(version.markdown),
        fileName,
        supersedes: records.filter((r) => r.supersededById === record.id).map((r) => linked.get(r.id)!),
        supersededBy: record.supersededById ? (linked.get(record.supersededById) ?? null) : null,
      },
      format,
    );
    files.push({ recordId: record.id, number: record.number, title, status: record.status, fileName, text });
  }
  return { files, projectName: project.name, index };
}
