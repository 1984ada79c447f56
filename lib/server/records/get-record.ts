// One decision record with its versions and links, for every member of its project.
import "server-only";
import { getDb } from "../../db";
import { recordFileName, recordKey } from "../../domain/slug";
import { AppError } from "../../errors";
import type { Actor } from "../actor";
import { loadDecision } from "../decisions/load";
import { recordReview } from "./review-state";
import { changedFields, NO_RECORD, publicNarrative, readStoredNarrative } from "./narrative";

export interface RecordRef {
  decisionId: string;
  number: number;
  key: string;
  title: string;
  status: string;
}

const refSelect = {
  status: true,
  number: true,
  title: true,
  fileName: true,
  decision: { select: { id: true, title: true } },
} as const;

function toRef(row: {
  status: string;
  number: number;
  title: string | null;
  fileName: string | null;
  decision: { id: string; title: string };
}): RecordRef & { fileName: string | null } {
  return {
    decisionId: row.decision.id,
    number: row.number,
    key: recordKey(row.number),
    title: row.title ?? row.decision.title,
    status: row.status,
    fileName: row.fileName,
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
  const [current, older, newer, pending, authors, review] = await Promise.all([
    db.recordVersion.findFirstOrThrow({
      where: { recordId: record.id },
      orderBy: { version: "desc" },
      select: { markdown: true },
    }),
    db.decisionRecord.findMany({
      where: { supersededById: record.id },
      select: refSelect,
      orderBy: { number: "asc" },
    }),
    record.supersededById
      ? db.decisionRecord.findUnique({ where: { id: record.supersededById }, select: refSelect })
      : null,
    // A proposed successor's link, which takes effect when it is accepted.
    record.supersedesId
      ? db.decisionRecord.findFirst({
          where: { id: record.supersedesId, supersededById: null },
          select: refSelect,
        })
      : null,
    db.user.findMany({
      where: {
        id: {
          in: [...new Set(record.versions.map((v) => v.authorId).filter((id): id is string => id !== null))],
        },
      },
      select: { id: true, name: true },
    }),
    recordReview(db, record, decision),
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
    number: record.number,
    key: recordKey(record.number),
    /** The decision's own number (`D-12`), apart from the record's ADR number. */
    decisionNumber: decision.number,
    title: record.title ?? decision.title,
    /** True when a lead gave the record a title of its own. */
    ownTitle: record.title !== null,
    status: record.status,
    historical: record.historical,
    chosenOptionId: record.chosenOptionId,
    chosenOption: chosen ? { id: chosen.id, name: chosen.name } : null,
    supersedes: older.map(toRef),
    supersededBy: newer ? toRef(newer) : null,
    /** The record this one will supersede once accepted (only while it is proposed). */
    willSupersede: pending && record.status === "proposed" ? toRef(pending) : null,
    /** Fixed at import or first export; until then, the name the next export will give it. */
    fileName: record.fileName ?? recordFileName(record.number, record.title ?? decision.title),
    fileNameFixed: record.fileName !== null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    review,
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
