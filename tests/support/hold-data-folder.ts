// Test helper run as its own process: opens the embedded database in the folder given as the first
// argument the way the app does, says "holding <pid>", and exits (without closing) when stdin ends.
import { openPGlite } from "../../lib/db-adapter";

(async () => {
  const pglite = openPGlite(process.argv[2] ?? "");
  await pglite.query("SELECT 1");
  process.stdout.write(`holding ${process.pid}\n`);
  process.stdin.resume();
  process.stdin.on("end", () => process.exit(0));
})().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
