// Runs once per server process: a look at the database, so an outage or a data folder held by
// another process is said at start-up rather than discovered by the first visitor; and the periodic
// job that closes votes whose deadline has passed (reads also close them, so this only matters for
// decisions nobody is looking at); and the workers that act on committed audit events: notifications
// (inbox rows and emails), webhooks and publishing records to git.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { databaseReachable } = await import("./lib/server/health");
  try {
    // More patience than the health check: a server that is merely starting up is not an outage.
    if (!(await databaseReachable(15_000))) {
      console.warn(
        "⚠ The database is unreachable (DATABASE_URL). Pages show “database unavailable” and the API " +
          "answers 503 until it is back; this server recovers by itself once it answers.",
      );
    }
  } catch (error) {
    // Checked by name: the class may come from another bundle of the same module.
    if ((error as Error).name === "DataFolderInUseError") {
      console.error(`✖ ${(error as Error).message}`);
      process.exit(1);
    }
    throw error;
  }
  const { startDeadlineJob } = await import("./lib/server/decisions/deadline-job");
  startDeadlineJob();
  // Webhooks: woken by every committed audit event, and polling for retries and missed events.
  const { startWebhookWorker } = await import("./lib/server/webhooks/worker");
  startWebhookWorker();
  const { startNotificationWorker } = await import("./lib/server/notifications/worker");
  startNotificationWorker();
  // Records queued for a connected git repository are pushed from here (lib/server/git/worker.ts).
  const { startPublishWorker } = await import("./lib/server/git/worker");
  startPublishWorker();
}
