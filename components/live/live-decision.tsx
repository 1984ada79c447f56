"use client";
// Keeps a decision's pages current: listens to its event stream, re-renders the page from the
// server on each change (so the server decides again what this reader may see), shows who else is
// looking and the latest activity. A dropped connection resumes after the last event seen.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { initials } from "@/components/avatar";

interface Change {
  seq: number;
  summary: string;
  at: string;
}

type Status = "connecting" | "live" | "reconnecting" | "offline";

const STATUS_LABEL: Record<Status, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline — will catch up",
};

const REFRESH_DELAY_MS = 150;
const RECENT_LIMIT = 4;

export function LiveDecision({
  streamPath,
  since,
  currentUserId,
  refresh = true,
  presence = true,
}: {
  /** A decision's or a project's event stream (`…/events`). */
  streamPath: string;
  /** Off for a project's stream, which carries no presence. */
  presence?: boolean;
  /** The audit sequence the page was rendered at: anything after it is news. */
  since: number;
  currentUserId: string;
  refresh?: boolean;
}) {
  const router = useRouter();
  const [status, setStatus] = useState<Status>("connecting");
  const [viewers, setViewers] = useState<{ userId: string; name: string }[]>([]);
  const [recent, setRecent] = useState<Change[]>([]);
  const lastSeq = useRef(since);

  useEffect(() => {
    let source: EventSource | null = null;
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;

    const connect = () => {
      source?.close();
      // A fresh EventSource does not know the last id; `since` tells the server where to resume.
      source = new EventSource(`${streamPath}?since=${lastSeq.current}`);
      setStatus((current) =>
        current === "live" ? "reconnecting" : current === "offline" ? "reconnecting" : current,
      );
      source.onopen = () => setStatus("live");
      source.onerror = () => setStatus(navigator.onLine ? "reconnecting" : "offline");
      source.addEventListener("change", (message) => {
        const change = JSON.parse((message as MessageEvent<string>).data) as Change;
        if (change.seq <= lastSeq.current) return;
        lastSeq.current = change.seq;
        setRecent((list) => [change, ...list].slice(0, RECENT_LIMIT));
        if (refresh) {
          clearTimeout(refreshTimer);
          refreshTimer = setTimeout(() => router.refresh(), REFRESH_DELAY_MS);
        }
      });
      source.addEventListener("presence", (message) => {
        setViewers(
          (
            JSON.parse((message as MessageEvent<string>).data) as {
              viewers: { userId: string; name: string }[];
            }
          ).viewers,
        );
      });
    };
    const goOffline = () => {
      source?.close();
      source = null;
      setStatus("offline");
    };
    const goOnline = () => connect();

    connect();
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);
    return () => {
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      clearTimeout(refreshTimer);
      source?.close();
    };
  }, [streamPath, refresh, router]);

  const others = viewers.filter((viewer) => viewer.userId !== currentUserId);
  const dot = status === "live" ? "bg-emerald-500" : status === "offline" ? "bg-fg-subtle" : "bg-amber-500";

  return (
    <section
      aria-label="Live updates"
      data-testid="live-decision"
      data-status={status}
      className="mb-4 flex flex-wrap items-center gap-x-5 gap-y-2 rounded-xl border border-line bg-surface px-4 py-2 text-sm shadow-xs sm:mb-6 sm:py-2.5"
    >
      <span className="inline-flex items-center gap-2 font-medium text-fg">
        <span
          aria-hidden="true"
          className={`size-2 rounded-full ${dot} ${status === "live" ? "animate-pulse" : ""}`}
        />
        {STATUS_LABEL[status]}
      </span>
      {presence ? (
        <div className="flex min-w-0 items-center gap-2" data-testid="presence">
          <span className="text-fg-muted">Looking now:</span>
          {others.length === 0 ? (
            <span className="text-fg-subtle">only you</span>
          ) : (
            <ul
              className="flex min-w-0 items-center -space-x-1.5"
              aria-label={`${others.length} others looking`}
            >
              {others.slice(0, 5).map((viewer) => (
                <li key={viewer.userId} title={viewer.name}>
                  <span className="flex size-6 items-center justify-center rounded-full bg-accent-soft text-[10px] font-semibold text-accent-text ring-2 ring-surface">
                    {initials(viewer.name)}
                  </span>
                  <span className="sr-only">{viewer.name}</span>
                </li>
              ))}
              {others.length > 5 ? (
                <li className="pl-2.5 text-xs text-fg-muted">+{others.length - 5}</li>
              ) : null}
            </ul>
          )}
          {others.length > 0 ? (
            <span className="hidden truncate text-fg-muted sm:inline">
              {others.map((v) => v.name).join(", ")}
            </span>
          ) : null}
        </div>
      ) : null}
      {/* Empty, the activity line takes no row of its own on a phone; it stays in the tree to announce changes. */}
      <div
        className={`min-w-0 flex-1 sm:basis-auto ${recent.length > 0 ? "basis-full" : ""}`}
        aria-live="polite"
        data-testid="live-activity"
      >
        {recent.length > 0 ? (
          <p className="truncate text-fg-muted">
            <span className="font-medium text-fg">{recent[0]!.summary}</span>
            {recent.length > 1 ? (
              <span>
                {" "}
                ·{" "}
                {recent
                  .slice(1)
                  .map((change) => change.summary)
                  .join(" · ")}
              </span>
            ) : null}
          </p>
        ) : presence ? null : (
          <p className="text-fg-subtle">New events appear here as they are recorded.</p>
        )}
      </div>
    </section>
  );
}
