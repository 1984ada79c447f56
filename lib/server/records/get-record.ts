// One decision record with its versions and links, for every member of its project.
import "server-only";
import { getDb } from "../../db";
import { recordFileName } from "../../domain/slug";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { loadDecision } from "../decisions/load";
import { decisionKey } from "../decisions/shape";
import { changedFields, NO_RECORD, publicNarrative, readStoredNarrative } from "./narrative";

export interface RecordRef {
  decisionId: string;
  number: number;
  key: string;
  title: string;
  status: string;
}

const refSelect = { status: true, decision: { select: { id: true, number: true, title: true } } } as const;

function toRef(row: { status: string; decision: { id: string; number: number; title: string } }): RecordRef {
  return {
    decisionId: row.decision.id,
    number: row.decision.number,
    key: decisionKey(row.decision.number),
    title: row.decision.title,
    status: row.status,
  };
}

/** The record with every version's narrative (not its Markdown) and the current Markdown. */
export async function getRecord(actor: Actor, decisionId: string) {
  const db = getDb();
  const readRecord = () =>
    db.decisionRecord.findUnique({
      where: { decisionId },
      include: {
        versions: {
          orderBy: { version: "asc" },
          select: { version: true, authorId: true, createdAt: true, note: true, narrative: true },
        },
      },
    });
  // Read beside the permission check (and dropped if it fails). A vote closed by its deadline during
  // that check gets its record then, so a missing record is looked for once more.
  const [{ decision }, first] = await Promise.all([loadDecision(decisionId, actor.userId), readRecord()]);
  const record = first ?? (decision.status === "CLOSED" ? await readRecord() : null);
  if (!record) throw new AppError("conflict", NO_RECORD);
  const [current, older, newer, authors] = await Promise.all([
    db.recordVersion.findFirstOrThrow({
      where: { recordId: record.id },
      orderBy: { version: "desc" },
      select: { markdown: true },
    }),
    db.decisionRecord.findMany({
      where: { supersededById: record.id },
      select: refSelect,
      orderBy: { decision: { number: "asc" } },
    }),
    record.supersededById
      ? db.decisionRecord.findUnique({ where: { id: record.supersededById }, select: refSelect })
      : null,
    db.user.findMany({
      where: {
        id: {
          in: [...new Set(record.versions.map((v) => v.authorId).filter((id): id is string => id !== null))],
        },
      },
      select: { id: true, name: true },
    }),
  ]);
  const authorName = new Map(authors.map((a) => [a.id, a.name]));
  const narratives = record.versions.map((v) => ({
    v,
    narrative: publicNarrative(readStoredNarrative(v.narrative)),
  }));
  const chosen = decision.options.find((o) => o.id === record.chosenOptionId) ?? null;
  return {
    id: record.id,
    decisionId,
    projectId: decision.projectId,
    number: decision.number,
    key: decisionKey(decision.number),
    title: decision.title,
    status: record.status,
    historical: record.historical,
    chosenOptionId: record.chosenOptionId,
    chosenOption: chosen ? { id: chosen.id, name: chosen.name } : null,
    supersedes: older.map(toRef),
    supersededBy: newer ? toRef(newer) : null,
    fileName: recordFileName(decision.number, decision.title),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    versions: narratives.map(({ v, narrative }, index) => ({
      version: v.version,
      authorId: v.authorId,
      authorName: v.authorId ? (authorName.get(v.authorId) ?? "Former member") : null,
      createdAt: v.createdAt,
      note: v.note,
      /** The narrative fields this version changed (empty for status changes and the first version). */
      changedFields:
        index === 0 ? [] : changedFields(narratives[index - 1]!.narrative, narrative).map((c) => c.field),
      narrative,
    })),
    markdown: current.markdown,
  };
}

export type RecordView = Awaited<ReturnType<typeof getRecord>>;
