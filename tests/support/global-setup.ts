// Decides once per run whether the PostgreSQL half of the integration suite can run.
import pg from "pg";
import type { TestProject } from "vitest/node";

export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export default async function setup(project: TestProject) {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  let available = false;
  try {
    await client.connect();
    await client.query("SELECT 1");
    available = true;
  } catch (error) {
    const why = (error as Error).message;
    if (process.env.REQUIRE_POSTGRES === "1") {
      throw new Error(`REQUIRE_POSTGRES=1 but PostgreSQL at ${ADMIN_URL} is not reachable: ${why}`);
    }
    const bar = "!".repeat(78);
    console.warn(`\n${bar}\n!! PostgreSQL at ${ADMIN_URL} is not reachable (${why}).\n!! The PostgreSQL half of the integration suite is SKIPPED. Set REQUIRE_POSTGRES=1 to make this an error.\n${bar}\n`);
  } finally {
    await client.end().catch(() => undefined);
  }
  project.provide("postgresAvailable", available);
  project.provide("postgresAdminUrl", ADMIN_URL);
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresAvailable: boolean;
    postgresAdminUrl: string;
  }
}
