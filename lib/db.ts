// The Prisma client for whichever database DATABASE_URL names; one per process.
import { PrismaClient } from "./generated/prisma/client";
import { createAdapterFactory, resolveDatabase } from "./db-adapter";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { verdictDb?: PrismaClient };

export function createDb(url?: string): PrismaClient {
  return new PrismaClient({ adapter: createAdapterFactory(url) });
}

export function getDb(): PrismaClient {
  globalForDb.verdictDb ??= createDb();
  return globalForDb.verdictDb;
}

/** Tests point the server layer at their own database. */
export function setDb(db: PrismaClient) {
  globalForDb.verdictDb = db;
}

export function databaseEngine(): "postgresql" | "pglite" {
  return resolveDatabase().engine;
}
