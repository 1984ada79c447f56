// The uncertainty figures (rank acceptability, pivotal voters) read every counted score and draw
// thousands of samples, so no request waits for them: a ballot on a live vote, or a read that finds the
// stored figures stale, schedules their computation here, after its own commit. Runs are batched per
// decision (a burst of ballots within DEBOUNCE_MS costs one computation, and at most one more is queued
// behind a running one) and
// store under the hash of their inputs (uncertainty.ts), so several server instances may compute the
// same figures without harm: a read shows stored figures only when their hash matches the current
// ballots, and otherwise says they are being computed.
import "server-only";
import { isRecordNotFound } from "../../errors";

/** A burst of ballots within this window costs one computation. */
const DEBOUNCE_MS = Number(process.env.VERDICT_FIGURES_DEBOUNCE_MS ?? 400);

interface Job {
  /** Computes and stores the figures (compute-results.ts passes it, so this module needs no import of it). */
  compute: () => Promise<unknown>;
  timer?: ReturnType<typeof setTimeout>;
  running: boolean;
  again: boolean;
  settled: Promise<void>;
  settle: () => void;
}

const jobs = new Map<string, Job>();

/** Computes and stores a decision's figures soon, unless a computation is already due. */
export function scheduleFigures(decisionId: string, compute: () => Promise<unknown>, delayMs = DEBOUNCE_MS) {
  let job = jobs.get(decisionId);
  if (!job) {
    let settle = () => {};
    const settled = new Promise<void>((resolve) => (settle = resolve));
    job = { compute, running: false, again: false, settled, settle };
    jobs.set(decisionId, job);
  }
  if (job.running) {
    job.again = true;
    return;
  }
  // Already due: it will read every ballot committed by the time it runs. Not postponed, or a page
  // polling for the figures would keep pushing them back.
  if (job.timer) return;
  const current = job;
  current.timer = setTimeout(() => void run(decisionId, current), delayMs);
}

/** Resolves once no computation is due or running for the decision (scripts and tests wait on it). */
export function figuresSettled(decisionId: string): Promise<void> {
  return jobs.get(decisionId)?.settled ?? Promise.resolve();
}

async function run(decisionId: string, job: Job) {
  job.timer = undefined;
  job.running = true;
  try {
    await job.compute();
  } catch (error) {
    // A decision deleted meanwhile has no figures to keep; anything else is worth a line in the log.
    if (!isRecordNotFound(error)) console.warn(`Computing the uncertainty figures of ${decisionId} failed: ${(error as Error).message}`);
  } finally {
    job.running = false;
    if (job.again) {
      job.again = false;
      scheduleFigures(decisionId, job.compute);
    } else {
      jobs.delete(decisionId);
      job.settle();
    }
  }
}
