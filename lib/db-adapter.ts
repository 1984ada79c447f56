// Chooses the database from DATABASE_URL: a PostgreSQL server for postgres:// URLs,
// otherwise embedded PGlite (a data folder, or memory:// for throwaway databases).
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { lockDataFolder } from "./data-folder-lock";

export const DEFAULT_DATA_DIR = "./data/verdict";

export type DatabaseTarget =
  | { engine: "postgresql"; url: string }
  | { engine: "pglite"; dataDir: string | null };

export function resolveDatabase(url: string | undefined = process.env.DATABASE_URL): DatabaseTarget {
  const value = url?.trim() || `file:${DEFAULT_DATA_DIR}`;
  if (/^postgres(ql)?:\/\//.test(value)) return { engine: "postgresql", url: value };
  if (value === "memory://") return { engine: "pglite", dataDir: null };
  if (value.startsWith("file:")) return { engine: "pglite", dataDir: value.slice("file:".length) };
  throw new Error(
    `DATABASE_URL must be postgresql://…, file:<folder> or memory:// (got "${value.slice(0, 40)}")`,
  );
}

/**
 * Opens an embedded database; a data folder is first locked for this process (throwing at once
 * if another process holds it) and unlocked again by `close()` or when the process exits.
 */
export function openPGlite(dataDir: string | null): PGlite {
  if (dataDir === null) return new PGlite();
  const absolute = path.resolve(dataDir);
  const unlock = lockDataFolder(absolute);
  // PGlite does not create the parent folder of its data directory.
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  const pglite = new PGlite(absolute);
  const close = pglite.close.bind(pglite);
  pglite.close = async () => {
    try {
      await close();
    } finally {
      unlock();
    }
  };
  return pglite;
}

export function createAdapterFactory(url?: string, pglite?: PGlite) {
  const target = resolveDatabase(url);
  if (target.engine === "postgresql") {
    return new PrismaPg({
      connectionString: target.url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // Without it a request waits forever for a server that stopped answering.
      connectionTimeoutMillis: 5_000,
    });
  }
  return new PrismaPGlite(pglite ?? openPGlite(target.dataDir));
}
