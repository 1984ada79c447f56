// Runs once per server process: the periodic job that closes votes whose deadline has passed
// (reads also close them, so this only matters for decisions nobody is looking at).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startDeadlineJob } = await import("./lib/server/decisions/deadline-job");
  startDeadlineJob();
}
