// The app's one error type. Every failure a client can cause has a code; the code decides the
// HTTP status in one place, and the message tells the user what happened and what to do.
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

export const notFound = (what = "Not found") => new AppError("not_found", what);
export const forbidden = (message: string) => new AppError("forbidden", message);
export const conflict = (message: string, details?: unknown) => new AppError("conflict", message, details);
export const unprocessable = (message: string, details?: unknown) => new AppError("unprocessable", message, details);

/** A unique-constraint violation, as Prisma reports it on the server or PGlite reports it raw. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string; originalCode?: string }; meta?: { code?: string } } | null;
  return (
    e?.code === "P2002" ||
    e?.code === "23505" ||
    e?.cause?.code === "23505" ||
    e?.cause?.originalCode === "23505" ||
    e?.meta?.code === "23505" ||
    /unique constraint|duplicate key/i.test(String((error as Error)?.message ?? ""))
  );
}

export function isRecordNotFound(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2025";
}

// Node's socket errors, Prisma's "can't reach / closed / timed out" codes, PostgreSQL's connection
// (08…) and shutdown (57P0…) states, and too-many-connections: the database is down or refusing us.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "EAI_AGAIN",
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// node-postgres reports a dropped or never-made connection as a plain Error with only a message.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Can't reach database server|Server has closed the connection|Client has encountered a connection error|Connection ended unexpectedly/i;

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable. Try again in a moment.";

/** True when `error` (or what it wraps) says the database cannot be reached, rather than refusing a query. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as {
    code?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (typeof e.code === "string" && (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith("08"))) return true;
  if (typeof e.originalCode === "string" && UNAVAILABLE_CODES.has(e.originalCode)) return true;
  if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1);
}

export const TRANSACTION_TIMEOUT_MESSAGE = "The server is too busy to finish this in time. Try again in a moment.";

/**
 * True when Prisma gave up on an interactive transaction: it could not start one in time, or it ran
 * past its timeout and expired (P2028, "Transaction API error"). The work was rolled back and may
 * simply be retried, so callers hear 503 rather than a 500 that reads as a bug.
 */
export function isTransactionTimeout(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e?.code === "P2028") return true;
  return typeof e?.message === "string" && /Transaction API error|expired transaction|Unable to start a transaction in the given time/i.test(e.message);
}
