// Shared steps of every record change: lock the record, read its current version, write the next one.
import "server-only";
import type { Db, Tx } from "../../db";
import { chosenOption, generateRecord, type RecordNarrative } from "../../domain/record";
import { calendarDay } from "../../domain/review";
import { AppError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import { appendAuditEvent } from "../audit";
import { recordLinks, type Evidence } from "./evidence";
import { readStoredNarrative, type StoredNarrative } from "./narrative";

export interface LockedRecord {
  id: string;
  decisionId: string;
  projectId: string;
  number: number;
  status: string;
  historical: boolean;
  chosenOptionId: string | null;
  supersededById: string | null;
  supersedesId: string | null;
}

/**
 * Takes the record's row lock for the rest of the transaction, so two saves cannot both write
 * version n + 1 and a status cannot change under a save. A closed vote without a record is a 409.
 */
export async function lockRecord(tx: Tx, decisionId: string): Promise<LockedRecord> {
  const rows = await tx.$queryRaw<LockedRecord[]>`
    SELECT r.id, r."decisionId", r."projectId", r.number, r.status, r.historical, r."chosenOptionId", r."supersededById", r."supersedesId"
    FROM "DecisionRecord" r JOIN "Decision" d ON d.id = r."decisionId"
    WHERE r."decisionId" = ${decisionId}
    FOR UPDATE OF r`;
  const row = rows[0];
  if (!row)
    throw new AppError(
      "conflict",
      "This decision has no record yet: the record is written when its vote closes.",
    );
  return row;
}

export async function currentVersion(tx: Db | Tx, recordId: string) {
  const version = await tx.recordVersion.findFirstOrThrow({
    where: { recordId },
    orderBy: { version: "desc" },
  });
  return { ...version, stored: readStoredNarrative(version.narrative) };
}

/** The option a record names as chosen: the lead's pick, else a clear winner, else none. */
export function effectiveChoice(evidence: Evidence, narrative: RecordNarrative): string | null {
  return chosenOption({ options: evidence.input.options, result: evidence.input.result, narrative }).optionId;
}

/** The full Markdown of a generated record, with its current links to older and newer records. */
export async function renderGenerated(
  tx: Db | Tx,
  recordId: string,
  evidence: Evidence,
  status: string,
  narrative: RecordNarrative,
) {
  const links = await recordLinks(tx, recordId);
  // The record's own number and title: a lead may retitle the record apart from the decision.
  const own = await tx.decisionRecord.findUniqueOrThrow({
    where: { id: recordId },
    select: { number: true, title: true, reviewBy: true },
  });
  return generateRecord({
    ...evidence.input,
    number: own.number,
    title: own.title ?? evidence.input.title,
    status,
    narrative,
    supersedes: links.supersedes,
    supersededBy: links.supersededBy,
    reviewBy: own.reviewBy ? calendarDay(own.reviewBy) : null,
  });
}

export async function writeVersion(
  tx: Tx,
  input: {
    recordId: string;
    version: number;
    markdown: string;
    narrative: StoredNarrative;
    authorId: string | null;
    note: string;
  },
) {
  return tx.recordVersion.create({
    data: {
      recordId: input.recordId,
      version: input.version,
      markdown: input.markdown,
      narrative: JSON.parse(JSON.stringify(input.narrative)) as object,
      authorId: input.authorId,
      note: input.note,
    },
  });
}

/**
 * A change to a record's metadata (status, review date) rather than its narrative: the next version
 * with the Markdown rewritten by `markdown`, the record's columns, and the audit event with the
 * before and after values, all in the caller's transaction. Returns the new version number.
 */
export async function writeMetadataVersion(
  tx: Tx,
  record: LockedRecord,
  change: {
    markdown: (previous: string) => string;
    columns: Prisma.DecisionRecordUpdateInput;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    actorId: string | null;
    action: string;
    note: string;
    data?: Record<string, unknown>;
  },
) {
  const previous = await currentVersion(tx, record.id);
  const version = previous.version + 1;
  await writeVersion(tx, {
    recordId: record.id,
    version,
    markdown: change.markdown(previous.markdown),
    narrative: previous.stored,
    authorId: change.actorId,
    note: change.note,
  });
  await tx.decisionRecord.update({ where: { id: record.id }, data: change.columns });
  await appendAuditEvent(tx, {
    projectId: record.projectId,
    actorId: change.actorId,
    action: change.action,
    entityType: "record",
    entityId: record.id,
    data: { decisionId: record.decisionId, version, before: change.before, after: change.after, ...change.data },
  });
  return version;
}
