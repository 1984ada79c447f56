// The background publisher of each server process: woken when a record change commits (the audit
// event's NOTIFY, which leaves only at commit) and every minute for anything left over, e.g. queued
// while this instance was down or by an instance that stopped mid-way.
import "server-only";
import { getDb } from "../../db";
import { PUBLISHED_CHANGES } from "../../domain/git-publish";
import { onDecisionEvent } from "../events/decision-events";
import { publishPending } from "./publish";

const POLL_MS = 60_000;

function publishQuietly(projectId: string) {
  publishPending(projectId).catch((error) =>
    console.error(`Publishing project ${projectId} to git failed:`, error),
  );
}

export async function publishAllPending() {
  const projects = await getDb().recordPublication.findMany({
    where: { status: "pending" },
    distinct: ["projectId"],
    select: { projectId: true },
  });
  for (const { projectId } of projects) publishQuietly(projectId);
}

/** Starts this process's publisher once; returns how to stop it (tests). */
export function startPublishWorker(): () => void {
  const globalForWorker = globalThis as unknown as { verdictPublishWorker?: { stop: () => void } };
  if (globalForWorker.verdictPublishWorker) return globalForWorker.verdictPublishWorker.stop;
  const unsubscribe = onDecisionEvent((event) => {
    if (event.entityType === "record" && event.action in PUBLISHED_CHANGES) publishQuietly(event.projectId);
  });
  const poll = () =>
    publishAllPending().catch((error) => console.error("The git publish poll failed:", error));
  const timer = setInterval(poll, POLL_MS);
  timer.unref();
  void poll();
  const stop = () => {
    clearInterval(timer);
    unsubscribe();
    globalForWorker.verdictPublishWorker = undefined;
  };
  globalForWorker.verdictPublishWorker = { stop };
  return stop;
}
