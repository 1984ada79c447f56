// `npm run db:migrate`: brings the database named by DATABASE_URL up to the committed migrations.
import pg from "pg";
import { openPGlite, resolveDatabase } from "../lib/db-adapter";
import { applyMigrations, pgliteRunner, pgRunner } from "../lib/migrations";

export async function migrate(url = process.env.DATABASE_URL): Promise<string[]> {
  const target = resolveDatabase(url);
  if (target.engine === "postgresql") {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      // Two app instances starting at once must not apply the same migration twice.
      await client.query("SELECT pg_advisory_lock(727274)");
      return await applyMigrations(pgRunner(client));
    } finally {
      await client.end();
    }
  }
  const pglite = openPGlite(target.dataDir);
  try {
    return await applyMigrations(pgliteRunner(pglite));
  } finally {
    await pglite.close();
  }
}

if (process.argv[1]?.endsWith("migrate.ts")) {
  const engine = resolveDatabase().engine;
  migrate().then(
    (applied) => {
      console.log(
        applied.length
          ? `Applied ${applied.length} migration(s) to the ${engine} database: ${applied.join(", ")}`
          : `The ${engine} database is up to date.`,
      );
    },
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
