// A fresh, migrated database per test file, on either engine, wired into the server layer.
import crypto from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { setDb, type EventDatabase } from "@/lib/db";
import { applyMigrations, pgliteRunner, pgRunner } from "@/lib/migrations";
import { stopListening } from "@/lib/server/events/decision-events";

export type Engine = "pglite" | "postgresql";

export interface TestDb {
  engine: Engine;
  prisma: PrismaClient;
  /** Where the live-event listener LISTENs for this database's announcements. */
  events: EventDatabase;
  /** Runs raw SQL as the database owner, outside Prisma (to tamper with audit rows, say). */
  sql(text: string, params?: unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}


async function createPgliteDb(): Promise<TestDb> {
  const pglite = new PGlite();
  await applyMigrations(pgliteRunner(pglite));
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    engine: "pglite",
    prisma,
    events: { engine: "pglite", pglite },
    sql: async (text, params) => (await pglite.query(text, params)).rows,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function createPostgresDb(): Promise<TestDb> {
  const adminUrl = inject("postgresAdminUrl");
  const name = `verdict_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const owner = new pg.Client({ connectionString: url.toString() });
  await owner.connect();
  await applyMigrations(pgRunner(owner));
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString(), max: 10 }) });
  return {
    engine: "postgresql",
    prisma,
    events: { engine: "postgresql", url: url.toString() },
    sql: async (text, params) => (await owner.query(text, params)).rows,
    close: async () => {
      await prisma.$disconnect();
      await owner.end();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export function availableEngines(): Engine[] {
  return inject("postgresAvailable") ? ["pglite", "postgresql"] : ["pglite"];
}

/**
 * Runs `body` once per engine, each against its own fresh database that the server layer uses.
 * The PostgreSQL run is skipped (loudly, by global setup) when no server is reachable.
 */
export function describeOnEachDatabase(title: string, body: (db: () => TestDb) => void) {
  for (const engine of ["pglite", "postgresql"] as const) {
    const run = availableEngines().includes(engine) ? describe : describe.skip;
    run(`${title} [${engine}]`, () => {
      let current: TestDb | undefined;
      beforeAll(async () => {
        current = engine === "pglite" ? await createPgliteDb() : await createPostgresDb();
        setDb(current.prisma, current.events);
      });
      afterAll(async () => {
        await stopListening();
        await current?.close();
      });
      body(() => {
        if (!current) throw new Error("test database not ready");
        return current;
      });
    });
  }
}
