// Query parameters of the audit log: one schema for the JSON API, the audit page's filter form and
// the OpenAPI document. Query strings only carry text, so numbers are coerced and blank fields
// (what an untouched GET form submits) count as absent.
import { z } from "zod";
import { safeText } from "./text";

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 500;

const blankIsAbsent = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const text = (what: string, max = 200) =>
  z.preprocess(
    blankIsAbsent,
    safeText({ error: `${what} must be text.` })
      .trim()
      .max(max, { error: `${what} is at most ${max} characters.` })
      .optional(),
  );

const seqCursor = z.preprocess(
  blankIsAbsent,
  z.coerce
    .number({ error: "after must be a sequence number." })
    .int({ error: "after must be a whole number." })
    .min(0, { error: "after cannot be negative." })
    .max(2_147_483_647, { error: "after is larger than any sequence number." })
    .optional(),
);

// A calendar day (YYYY-MM-DD, the whole day in UTC) or an ISO 8601 date-time with an offset.
const dateBound = (name: string) =>
  z.preprocess(
    blankIsAbsent,
    z
      .union([z.iso.date(), z.iso.datetime({ offset: true })], {
        error: `${name} must be a date (YYYY-MM-DD) or an ISO 8601 date-time.`,
      })
      .optional(),
  );

export const auditOrderSchema = z.enum(["asc", "desc"], { error: 'order must be "asc" or "desc".' });

export const auditQuerySchema = z
  .strictObject({
    /** Keyset cursor: continue after this seq in the chosen order (seq > after ascending, < after descending). */
    after: seqCursor,
    limit: z.preprocess(
      blankIsAbsent,
      z.coerce
        .number({ error: "limit must be a number." })
        .int({ error: "limit must be a whole number." })
        .min(1, { error: "limit must be at least 1." })
        .max(AUDIT_PAGE_MAX, { error: `limit must be at most ${AUDIT_PAGE_MAX}.` })
        .default(AUDIT_PAGE_DEFAULT),
    ),
    order: z.preprocess(blankIsAbsent, auditOrderSchema.default("asc")),
    actor: text("actor", 100),
    action: text("action", 100),
    entityType: text("entityType", 100),
    entityId: text("entityId", 100),
    from: dateBound("from"),
    to: dateBound("to"),
  })
  .superRefine((query, context) => {
    const bounds = auditTimeBounds(query);
    if (bounds.from && bounds.toExclusive && bounds.from >= bounds.toExclusive) {
      context.addIssue({
        code: "custom",
        path: ["to"],
        message: "The end of the range (to) must not be earlier than its start (from).",
      });
    }
  });

export type AuditQuery = z.infer<typeof auditQuerySchema>;

const DAY_MS = 24 * 60 * 60 * 1000;
const isCalendarDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * The time window of a query as half-open bounds: `from` inclusive, `to` exclusive. A bare date as
 * `to` includes that whole day (UTC), so `from=2026-03-01&to=2026-03-01` is one day.
 */
export function auditTimeBounds(query: { from?: string; to?: string }): { from?: Date; toExclusive?: Date } {
  const from = query.from
    ? new Date(isCalendarDay(query.from) ? `${query.from}T00:00:00Z` : query.from)
    : undefined;
  let toExclusive: Date | undefined;
  if (query.to) {
    toExclusive = isCalendarDay(query.to)
      ? new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS)
      : new Date(Date.parse(query.to) + 1);
  }
  return { from, toExclusive };
}

/** `?a=1&b=` as a plain object for the schema (a repeated parameter keeps its last value). */
export function searchParamsToObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}

export const AUDIT_EXPORT_FORMATS = ["csv", "jsonl"] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

const HEAD_HASH = /^([0-9a-f]{64})?$/;
const MAX_SEQ = 2_147_483_647;

/** seq 0 is the empty chain, whose head is ""; every later head is a SHA-256 in hex. */
const headMatchesSeq = (anchor: { seq?: number; hash?: string }) =>
  anchor.seq === undefined || anchor.hash === undefined || (anchor.seq === 0) === (anchor.hash === "");

/**
 * What `npm run audit:checkpoint` writes and verification accepts back: the chain's length and head
 * hash at one moment, to keep somewhere the database's owner cannot rewrite.
 */
export const auditCheckpointSchema = z
  .object({
    projectId: z.string({ error: "projectId must be text." }).min(1, { error: "projectId is missing." }),
    seq: z
      .number({ error: "seq must be a number." })
      .int({ error: "seq must be a whole number." })
      .min(0, { error: "seq cannot be negative." })
      .max(MAX_SEQ, { error: "seq is larger than any sequence number." }),
    hash: z
      .string({ error: "hash must be text." })
      .regex(HEAD_HASH, { error: "hash must be 64 hex digits." }),
    at: z.string().optional(),
    count: z.number().int().min(0).optional(),
  })
  .refine(headMatchesSeq, { path: ["hash"], message: 'hash is "" exactly when seq is 0.' });

export type AuditCheckpoint = z.infer<typeof auditCheckpointSchema>;

/** GET …/audit/verify may be given a checkpoint's seq and hash; both or neither. */
export const auditVerifyQuerySchema = z
  .strictObject({
    checkpointSeq: z.preprocess(
      blankIsAbsent,
      z.coerce
        .number({ error: "checkpointSeq must be a sequence number." })
        .int({ error: "checkpointSeq must be a whole number." })
        .min(0, { error: "checkpointSeq cannot be negative." })
        .max(MAX_SEQ, { error: "checkpointSeq is larger than any sequence number." })
        .optional(),
    ),
    checkpointHash: z
      .string({ error: "checkpointHash must be text." })
      .trim()
      .toLowerCase()
      .regex(HEAD_HASH, { error: "checkpointHash must be 64 hex digits." })
      .optional(),
  })
  .superRefine((query, context) => {
    if ((query.checkpointSeq === undefined) !== (query.checkpointHash === undefined)) {
      context.addIssue({
        code: "custom",
        path: [query.checkpointSeq === undefined ? "checkpointSeq" : "checkpointHash"],
        message: "Give checkpointSeq and checkpointHash together.",
      });
    } else if (!headMatchesSeq({ seq: query.checkpointSeq, hash: query.checkpointHash })) {
      context.addIssue({
        code: "custom",
        path: ["checkpointHash"],
        message: 'checkpointHash is "" exactly when checkpointSeq is 0.',
      });
    }
  });
