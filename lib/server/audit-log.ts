// Reading the audit trail: the history with filters and keyset pages, one event, chain verification
// and the CSV / JSON Lines export. Every read is for members only ("audit.read"); the chain walk
// itself (`verifyAuditChain`) takes no actor so the command-line check and the benchmark share it.
import "server-only";
import Papa from "papaparse";
import { canonicalJson } from "../domain/canonical-json";
import { ChainVerifier, hashEvent, type StoredEvent } from "../domain/hash-chain";
import { slugify } from "../domain/slug";
import { getDb, type Db } from "../db";
import { AppError } from "../errors";
import { auditQuerySchema, auditTimeBounds, type AuditExportFormat } from "../schemas/audit";
import type { Actor } from "./actor";
import { requirePermission } from "./access";
import { parseInput } from "./parse-input";

/** Rows per query when walking a whole chain: memory stays flat however long the history is. */
export const CHAIN_BATCH_SIZE = 2_000;

const eventColumns = {
  projectId: true,
  seq: true,
  at: true,
  actorId: true,
  action: true,
  entityType: true,
  entityId: true,
  data: true,
  prevHash: true,
  hash: true,
} as const;

type EventRow = {
  projectId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
  prevHash: string;
  hash: string;
};

export interface AuditEventView {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
  prevHash: string;
  hash: string;
}

const toStored = (row: EventRow): StoredEvent => ({ ...row, at: row.at.toISOString() });

function present(row: EventRow, names: Map<string, string>): AuditEventView {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    // An actor whose account was deleted keeps their id in the chain but has no name any more.
    actorName: row.actorId ? (names.get(row.actorId) ?? null) : null,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    data: row.data,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** Display names for actor ids, adding only the ids not looked up yet to `known`. */
async function lookUpActorNames(
  db: Db,
  rows: { actorId: string | null }[],
  known = new Map<string, string>(),
) {
  const missing = [
    ...new Set(rows.map((row) => row.actorId).filter((id): id is string => id !== null && !known.has(id))),
  ];
  if (missing.length > 0) {
    const users = await db.user.findMany({
      where: { id: { in: missing } },
      select: { id: true, name: true },
    });
    for (const user of users) known.set(user.id, user.name);
  }
  return known;
}

export interface AuditPage {
  events: AuditEventView[];
  /** The seq to pass as `after` for the next page, or null on the last page. */
  next: number | null;
}

/**
 * One page of a project's history. Pages are cut by sequence number (keyset), not offset, so events
 * appended while someone pages through never shift or repeat what they see.
 */
export async function listAuditEvents(actor: Actor, projectId: string, raw: unknown): Promise<AuditPage> {
  const query = parseInput(auditQuerySchema, raw);
  await requirePermission(projectId, actor.userId, "audit.read");
  const db = getDb();
  const { from, toExclusive } = auditTimeBounds(query);
  const rows = await db.auditEvent.findMany({
    where: {
      projectId,
      ...(query.after === undefined
        ? {}
        : { seq: query.order === "asc" ? { gt: query.after } : { lt: query.after } }),
      ...(query.actor === undefined ? {} : { actorId: query.actor }),
      ...(query.action === undefined ? {} : { action: query.action }),
      ...(query.entityType === undefined ? {} : { entityType: query.entityType }),
      ...(query.entityId === undefined ? {} : { entityId: query.entityId }),
      ...(from || toExclusive
        ? { at: { ...(from ? { gte: from } : {}), ...(toExclusive ? { lt: toExclusive } : {}) } }
        : {}),
    },
    orderBy: { seq: query.order },
    take: query.limit + 1,
    select: eventColumns,
  });
  const page = rows.slice(0, query.limit);
  const names = await lookUpActorNames(db, page);
  return {
    events: page.map((row) => present(row, names)),
    next: rows.length > query.limit ? page[page.length - 1]!.seq : null,
  };
}

/** Sequence numbers in URLs: anything but a positive 32-bit integer names no event. */
function parseSeq(raw: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(raw)) return null;
  const seq = Number(raw);
  return seq <= 2_147_483_647 ? seq : null;
}

export interface AuditEventDetail extends AuditEventView {
  /** Recomputing this event's hash from its stored content and prevHash gives its stored hash. */
  hashMatches: boolean;
  /** The previous event's stored hash equals this event's prevHash (true for event #1 on the genesis hash). */
  linkMatches: boolean;
}

/** One event, for a link that can be shared. A local check only: `verifyAuditChain` proves the whole chain. */
export async function getAuditEvent(
  actor: Actor,
  projectId: string,
  rawSeq: string,
): Promise<AuditEventDetail> {
  await requirePermission(projectId, actor.userId, "audit.read");
  const seq = parseSeq(rawSeq);
  const notFound = new AppError("not_found", `This project has no audit event #${rawSeq.slice(0, 20)}.`);
  if (seq === null) throw notFound;
  const db = getDb();
  const row = await db.auditEvent.findUnique({
    where: { projectId_seq: { projectId, seq } },
    select: eventColumns,
  });
  if (!row) throw notFound;
  const previous =
    seq > 1
      ? await db.auditEvent.findUnique({
          where: { projectId_seq: { projectId, seq: seq - 1 } },
          select: { hash: true },
        })
      : { hash: "" };
  const names = await lookUpActorNames(db, [row]);
  return {
    ...present(row, names),
    hashMatches: hashEvent(row.prevHash, toStored(row)) === row.hash,
    linkMatches: previous !== null && previous.hash === row.prevHash,
  };
}

export interface AuditFilterChoices {
  actors: { id: string; name: string | null }[];
  actions: string[];
  entityTypes: string[];
}

/** The values that occur in a project's history, for the filter form's select boxes. */
export async function auditFilterChoices(actor: Actor, projectId: string): Promise<AuditFilterChoices> {
  await requirePermission(projectId, actor.userId, "audit.read");
  const db = getDb();
  const [actions, entityTypes, actorIds] = await Promise.all([
    db.auditEvent.groupBy({ by: ["action"], where: { projectId }, orderBy: { action: "asc" } }),
    db.auditEvent.groupBy({ by: ["entityType"], where: { projectId }, orderBy: { entityType: "asc" } }),
    db.auditEvent.groupBy({ by: ["actorId"], where: { projectId, actorId: { not: null } } }),
  ]);
  const names = await lookUpActorNames(db, actorIds);
  return {
    actors: actorIds
      .map(({ actorId }) => ({ id: actorId!, name: names.get(actorId!) ?? null }))
      .sort((a, b) => (a.name ?? "\uffff").localeCompare(b.name ?? "\uffff") || a.id.localeCompare(b.id)),
    actions: actions.map((row) => row.action),
    entityTypes: entityTypes.map((row) => row.entityType),
  };
}

// ---------------------------------------------------------------------------------------------
// Verification

export interface AuditVerification {
  status: "intact" | "broken";
  /** Events checked and found good (all of them when intact). */
  count: number;
  /** The hash of the last good event ("" before the first). */
  headHash: string;
  firstBadSeq?: number;
  expected?: string;
  found?: string;
  reason?: string;
}

/** The project's own record of its chain: how many events, and the last one's hash. */
async function chainHead(db: Db, projectId: string) {
  const project = await db.project.findUnique({
    where: { id: projectId },
    select: { auditSeq: true, auditHead: true },
  });
  if (!project) throw new AppError("not_found", "No such project.");
  return { count: project.auditSeq, headHash: project.auditHead };
}

/**
 * Events 1…`lastSeq` in seq order, one window of `batchSize` sequence numbers per query. Sequence
 * numbers are gap-free, so a window holds at most `batchSize` rows, and bounding both ends keeps
 * each query to its own rows even when the planner has no statistics (PGlite never auto-analyzes,
 * and a `seq > cursor ORDER BY seq LIMIT n` there sorts the whole rest of the chain every time).
 * The next window is fetched while the caller works on this one: at most two are held.
 */
async function* chainBatches(db: Db, projectId: string, lastSeq: number, batchSize: number) {
  const fetchWindow = (after: number): Promise<EventRow[]> =>
    db.auditEvent.findMany({
      // The first window has no lower bound, so a stray seq ≤ 0 is seen (and reported) too.
      where: {
        projectId,
        seq: { ...(after === 0 ? {} : { gt: after }), lte: Math.min(after + batchSize, lastSeq) },
      },
      orderBy: { seq: "asc" },
      select: eventColumns,
    });
  let after = 0;
  let pending: Promise<EventRow[]> | null = lastSeq > 0 ? fetchWindow(after) : null;
  try {
    while (pending) {
      const rows: EventRow[] = await pending;
      after += batchSize;
      pending = after < lastSeq ? fetchWindow(after) : null;
      if (rows.length > 0) yield rows;
    }
  } finally {
    // A consumer that stops early (a broken chain, a cancelled download) leaves no query unobserved.
    await pending?.catch(() => undefined);
  }
}

/**
 * Recomputes a project's whole chain in seq order, `batchSize` rows per query, and names the first
 * bad event. The project row's count and head hash are read first: events appended meanwhile are
 * left for the next check, and a chain that ends early (a deleted tail) is caught.
 */
export async function verifyAuditChain(
  projectId: string,
  { db = getDb(), batchSize = CHAIN_BATCH_SIZE }: { db?: Db; batchSize?: number } = {},
): Promise<AuditVerification> {
  const recorded = await chainHead(db, projectId);
  const verifier = new ChainVerifier();
  batches: for await (const rows of chainBatches(db, projectId, recorded.count, batchSize)) {
    for (const row of rows) {
      if (!verifier.push(toStored(row))) break batches;
    }
  }
  const outcome = verifier.finish(recorded);
  if (outcome.status === "broken") {
    const { seq, expected, found, reason } = outcome.problem;
    return {
      status: "broken",
      count: outcome.count,
      headHash: outcome.headHash,
      firstBadSeq: seq,
      expected,
      found,
      reason,
    };
  }
  // A row slipped in past the recorded head (written around the app) is not part of any chain.
  const stray = await db.auditEvent.findFirst({
    where: { projectId, seq: { gt: recorded.count } },
    orderBy: { seq: "asc" },
    select: { seq: true },
  });
  if (stray && stray.seq > (await chainHead(db, projectId)).count) {
    return {
      status: "broken",
      count: outcome.count,
      headHash: outcome.headHash,
      firstBadSeq: stray.seq,
      reason: "event beyond the chain's recorded head",
      expected: `at most ${recorded.count} events`,
      found: `an event #${stray.seq}`,
    };
  }
  return { status: "intact", count: outcome.count, headHash: outcome.headHash };
}

/** The verify endpoint and page: any member may check that the history was not altered. */
export async function verifyProjectAudit(actor: Actor, projectId: string): Promise<AuditVerification> {
  await requirePermission(projectId, actor.userId, "audit.read");
  return verifyAuditChain(projectId);
}

// ---------------------------------------------------------------------------------------------
// Export

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

async function* exportLines(db: Db, projectId: string, lastSeq: number, format: AuditExportFormat) {
  const names = new Map<string, string>();
  let first = true;
  for await (const rows of chainBatches(db, projectId, lastSeq, CHAIN_BATCH_SIZE)) {
    await lookUpActorNames(db, rows, names);
    const records = rows.map((row) => ({ projectId: row.projectId, ...present(row, names) }));
    if (format === "jsonl") {
      yield records.map((record) => JSON.stringify(record)).join("\n") + "\n";
    } else {
      const cells = records.map((record) => ({ ...record, data: canonicalJson(record.data) }));
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
  const lines = exportLines(db, projectId, project.auditSeq, format);
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
