// The Prisma CLI talks to the database through the same driver adapters as the app,
// so it runs on the bundled WASM schema engine and never downloads a native one.
import path from "node:path";
import pg from "pg";
import { defineConfig } from "prisma/config";
import { createAdapterFactory, resolveDatabase } from "./lib/db-adapter";

// prisma/orm#27403: the migration engine cannot read columns of type `name` (OID 19)
// through the pg adapter. Reporting them as `text` (OID 25) lets `migrate deploy` work.
function readNameColumnsAsText() {
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function patched(this: pg.Client, ...args: unknown[]) {
    const result = original.apply(this, args);
    if (result instanceof Promise) {
      return result.then((res: pg.QueryResult) => {
        for (const field of res?.fields ?? []) if (field.dataTypeID === 19) field.dataTypeID = 25;
        return res;
      });
    }
    return result;
  } as typeof pg.Client.prototype.query;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    if (resolveDatabase().engine === "postgresql") readNameColumnsAsText();
    return createAdapterFactory();
  },
});
