import { closeExpiredDecisions } from "./close-expired";

const INTERVAL_MS = 30_000;

export function startDeadlineJob() {
  const globalForJob = globalThis as unknown as { verdictDeadlineJob?: NodeJS.Timeout };
  if (globalForJob.verdictDeadlineJob) return;
  globalForJob.verdictDeadlineJob = setInterval(() => {
    closeExpiredDecisions()
      .then((closed) => closed > 0 && console.log(`Closed ${closed} vote(s) at their deadline.`))
      .catch((error) => console.error("Deadline job failed:", error));
  }, INTERVAL_MS);
  globalForJob.verdictDeadlineJob.unref();
}
