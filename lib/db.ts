// The Prisma client for whichever database DATABASE_URL names; one per process.
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "./generated/prisma/client";
import { createAdapterFactory, openPGlite, resolveDatabase } from "./db-adapter";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Where live events are LISTENed for: the embedded database itself, or a server by its URL. */
export type EventDatabase = { engine: "pglite"; pglite: PGlite } | { engine: "postgresql"; url: string };

const globalForDb = globalThis as unknown as { verdictDb?: PrismaClient; verdictEventDb?: EventDatabase };

// On a PostgreSQL server, a burst (hundreds of voters at once) can keep a transaction waiting for one of
// the pool's connections longer than Prisma's default 2 s. A voter would rather wait a few seconds than
// be told to retry, so there a transaction may wait up to 10 s to start; once started it still has 5 s.
// The embedded database keeps the default: its one connection serves every request, and a long queue
// for it starves everything else, so under such a burst a quick 503 with Retry-After serves better.
const serverTransactionOptions = { maxWait: 10_000 };

export function getDb(): PrismaClient {
  if (!globalForDb.verdictDb) {
    const target = resolveDatabase();
    // The embedded database is opened here rather than inside the adapter, so the live-event
    // listener can LISTEN on the same instance (it is one connection in this process).
    const pglite = target.engine === "pglite" ? openPGlite(target.dataDir) : undefined;
    globalForDb.verdictEventDb = pglite ? { engine: "pglite", pglite } : { engine: "postgresql", url: (target as { url: string }).url };
    globalForDb.verdictDb = new PrismaClient({
      adapter: createAdapterFactory(undefined, pglite),
      transactionOptions: pglite ? undefined : serverTransactionOptions,
    });
  }
  return globalForDb.verdictDb;
}

/** Tests point the server layer at their own database (and, for live events, say where it is). */
export function setDb(db: PrismaClient, events?: EventDatabase) {
  globalForDb.verdictDb = db;
  globalForDb.verdictEventDb = events;
}

/** The database the live-event listener should LISTEN on, once getDb() or setDb() chose one. */
export function eventDatabase(): EventDatabase | undefined {
  getDb();
  return globalForDb.verdictEventDb;
}

export function databaseEngine(): "postgresql" | "pglite" {
  return resolveDatabase().engine;
}
