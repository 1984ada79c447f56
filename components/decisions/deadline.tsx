"use client";
// A deadline with a live countdown. The server renders the absolute time; the countdown appears once
// the browser knows its own clock (so server and client markup agree during hydration).
import { useSyncExternalStore } from "react";

function subscribe(onTick: () => void) {
  const timer = setInterval(onTick, 15_000);
  return () => clearInterval(timer);
}

// Rounded to the quarter minute so the snapshot is stable between ticks.
const nowSnapshot = () => Math.floor(Date.now() / 15_000) * 15_000;
const serverSnapshot = () => null;

export function describeRemaining(ms: number) {
  if (ms <= 0) return "deadline passed";
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days} d ${hours} h left`;
  if (hours > 0) return `${hours} h ${mins} min left`;
  if (minutes > 0) return `${mins} min left`;
  return "less than a minute left";
}

export function DeadlineCountdown({ deadline, label }: { deadline: string; label: string }) {
  const now = useSyncExternalStore(subscribe, nowSnapshot, serverSnapshot);
  const remaining = now === null ? null : new Date(deadline).getTime() - now;
  const urgent = remaining !== null && remaining < 24 * 3600_000;
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      <time dateTime={deadline}>{label}</time>
      {remaining !== null ? (
        <span className={`text-xs font-medium ${urgent ? "text-warning-text" : "text-fg-subtle"}`}>{describeRemaining(remaining)}</span>
      ) : null}
    </span>
  );
}
