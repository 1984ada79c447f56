import "server-only";
import { getDb } from "../../db";
import { recordFileName } from "../../domain/slug";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { loadDecision } from "../decisions/load";
import { NO_RECORD, publicNarrative, readStoredNarrative } from "./narrative";

/** One version's Markdown (the current one when `version` is omitted) and the file name to save it as. */
export async function getRecordMarkdown(actor: Actor, decisionId: string, version?: number) {
  const { decision } = await loadDecision(decisionId, actor.userId);
  const record = await getDb().decisionRecord.findUnique({ where: { decisionId }, select: { id: true, number: true, title: true, fileName: true } });
  if (!record) throw new AppError("conflict", NO_RECORD);
  const row = await getDb().recordVersion.findFirst({
    where: { recordId: record.id, ...(version === undefined ? {} : { version }) },
    orderBy: { version: "desc" },
    select: { version: true, markdown: true, narrative: true, note: true, authorId: true, createdAt: true },
  });
  if (!row) throw new AppError("not_found", `This record has no version ${version}.`);
  return {
    fileName: record.fileName ?? recordFileName(record.number, record.title ?? decision.title),
    version: row.version,
    markdown: row.markdown,
    narrative: publicNarrative(readStoredNarrative(row.narrative)),
    note: row.note,
    authorId: row.authorId,
    createdAt: row.createdAt,
  };
}
