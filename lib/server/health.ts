import "server-only";
import { databaseEngine, getDb } from "../db";

const PROBE_TIMEOUT_MS = 2_000;

export type Health =
  { status: "ok"; database: "postgresql" | "pglite" } | { status: "degraded"; database: "unreachable" };

/**
 * Whether `SELECT 1` answers; on a PostgreSQL server within `timeoutMs`, since a server that stopped
 * answering leaves the query hanging. The embedded database is in this process: a slow answer there
 * means busy (or still opening its folder), never away.
 */
export async function databaseReachable(timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  const probe = getDb().$queryRaw`SELECT 1`.then(() => true).catch(() => false);
  if (databaseEngine() === "pglite") return probe;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(): Promise<Health> {
  if (!(await databaseReachable())) return { status: "degraded", database: "unreachable" };
  return { status: "ok", database: databaseEngine() };
}
