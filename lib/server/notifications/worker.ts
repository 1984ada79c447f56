// The notification worker of this process: woken by every committed audit event (onDecisionEvent),
// after the listener reconnects, and by a periodic poll, so an announcement missed while the server
// was down or disconnected is still handled. Several processes may run it against one database: the
// cursor lock, the unique keys and the job claims keep every notification and email single.
import "server-only";
import { onDecisionEvent, onResync } from "../events/decision-events";
import { nextEmailDue, sendDueEmails } from "./email";
import { fanOutAll, remindBeforeDeadlines, remindReviewsDue } from "./fan-out";
import { pollIntervalMs } from "./settings";

export interface WorkerRun {
  events: number;
  reminders: number;
  reviewsDue: number;
  emails: number;
}

/**
 * One full pass: events into notifications, the clock's notices (deadline reminders and reviews due,
 * unless told not to), due emails.
 */
export async function runNotificationsOnce(options: { reminders?: boolean } = {}): Promise<WorkerRun> {
  const events = await fanOutAll();
  const reminders = options.reminders === false ? 0 : await remindBeforeDeadlines();
  const reviewsDue = options.reminders === false ? 0 : await remindReviewsDue();
  const emails = await sendDueEmails();
  return { events, reminders, reviewsDue, emails };
}

interface WorkerState {
  running: boolean;
  /** Reminders look at every open vote's deadline and every review date: once per poll interval is enough, not per event. */
  remindedAt: number;
  again: boolean;
  poll?: NodeJS.Timeout;
  retry?: NodeJS.Timeout;
  unsubscribe: (() => void)[];
}

const globalForWorker = globalThis as unknown as { verdictNotificationWorker?: WorkerState };

function wake(state: WorkerState) {
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  void (async () => {
    do {
      state.again = false;
      try {
        const reminders = Date.now() - state.remindedAt >= pollIntervalMs();
        if (reminders) state.remindedAt = Date.now();
        await runNotificationsOnce({ reminders });
      } catch (error) {
        console.error("Notification worker failed (it retries on the next wake-up):", error);
      }
    } while (state.again);
    state.running = false;
    await scheduleRetry(state).catch(() => undefined);
  })();
}

/** A retry due before the next poll gets its own timer, so short backoffs are kept. */
async function scheduleRetry(state: WorkerState) {
  clearTimeout(state.retry);
  const due = await nextEmailDue();
  if (!due) return;
  const delay = Math.max(0, due.getTime() - Date.now()) + 50;
  if (delay >= pollIntervalMs()) return;
  state.retry = setTimeout(() => wake(state), delay);
  state.retry.unref?.();
}

export function startNotificationWorker() {
  if (globalForWorker.verdictNotificationWorker) return;
  const state: WorkerState = { running: false, remindedAt: 0, again: false, unsubscribe: [] };
  globalForWorker.verdictNotificationWorker = state;
  state.unsubscribe.push(
    onDecisionEvent(() => wake(state)),
    onResync(() => wake(state)),
  );
  state.poll = setInterval(() => wake(state), pollIntervalMs());
  state.poll.unref?.();
  wake(state);
}

/** Stops this process's worker (tests); a pass under way finishes on its own. */
export async function stopNotificationWorker() {
  const state = globalForWorker.verdictNotificationWorker;
  if (!state) return;
  globalForWorker.verdictNotificationWorker = undefined;
  clearInterval(state.poll);
  clearTimeout(state.retry);
  for (const unsubscribe of state.unsubscribe) unsubscribe();
  while (state.running) await new Promise((resolve) => setTimeout(resolve, 20));
}
