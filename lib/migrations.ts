// Applies prisma/migrations/*/migration.sql in order, each in its own transaction, and records
// them in Prisma's own `_prisma_migrations` table (same checksum), so `prisma migrate status`
// agrees. Used by `npm run db:migrate`, the demo and every test database, on both engines.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface SqlRunner {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export async function applyMigrations(db: SqlRunner, migrations = readMigrations()): Promise<string[]> {
  await db.exec(HISTORY_TABLE);
  const applied = await db.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Map(applied.map((row) => [row.migration_name, row.checksum]));
  const newlyApplied: string[] = [];
  for (const migration of migrations) {
    const checksum = done.get(migration.name);
    if (checksum !== undefined) {
      if (checksum !== migration.checksum) {
        throw new Error(`Migration ${migration.name} was changed after it was applied (checksum differs).`);
      }
      continue;
    }
    const id = crypto.randomUUID();
    const script =
      `BEGIN;\n${migration.sql}\n;INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ('${id}', '${migration.checksum}', now(), '${migration.name.replace(/'/g, "''")}', 1);\nCOMMIT;`;
    try {
      await db.exec(script);
    } catch (error) {
      await db.exec("ROLLBACK").catch(() => undefined);
      throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
    }
    newlyApplied.push(migration.name);
  }
  return newlyApplied;
}

export function pgliteRunner(pglite: {
  exec(sql: string): Promise<unknown>;
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}): SqlRunner {
  return {
    exec: async (sql) => void (await pglite.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
  };
}

export function pgRunner(client: {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}): SqlRunner {
  return {
    exec: async (sql) => void (await client.query(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
  };
}
