"use client";
// The header's inbox link with the unread count. It stays current without a reload by asking the
// inbox API for the count (a light poll every 10 s while the tab is visible, and at once when the tab
// comes back or the page changes); the inbox page announces its own changes with INBOX_CHANGED.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { BellIcon } from "../icons";

export const INBOX_CHANGED = "verdict:inbox-changed";
const POLL_MS = 10_000;

export function InboxBell({ initialCount }: { initialCount: number }) {
  const [count, setCount] = useState(initialCount);
  const pathname = usePathname();
  const current = pathname === "/inbox";

  useEffect(() => setCount(initialCount), [initialCount]);

  const refresh = useCallback(async () => {
    try {
      const response = await fetch("/api/v1/inbox?limit=0", {
        cache: "no-store",
        headers: { accept: "application/json" },
      });
      if (!response.ok) return;
      const body = (await response.json()) as { unreadCount?: unknown };
      if (typeof body.unreadCount === "number") setCount(body.unreadCount);
    } catch {
      // Offline or the server restarting: the next tick tries again.
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [pathname, refresh]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    const onChanged = (event: Event) => {
      const next = (event as CustomEvent<{ unreadCount?: number }>).detail?.unreadCount;
      if (typeof next === "number") setCount(next);
      else void refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener(INBOX_CHANGED, onChanged);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener(INBOX_CHANGED, onChanged);
    };
  }, [refresh]);

  const label = count === 0 ? "Inbox, no unread notifications" : `Inbox, ${count} unread`;
  return (
    <>
      <Link
        href="/inbox"
        aria-label={label}
        title={label}
        aria-current={current ? "page" : undefined}
        data-testid="inbox-bell"
        data-unread={count}
        className={
          "relative inline-flex size-9 items-center justify-center rounded-lg transition-colors hover:bg-surface-muted hover:text-fg " +
          (current ? "bg-surface-muted text-fg" : "text-fg-muted")
        }
      >
        <BellIcon className="size-[18px]" />
        {count > 0 ? (
          <span
            aria-hidden="true"
            className="absolute -top-0.5 -right-0.5 flex h-[18px] min-w-[18px] items-center justify-center rounded-full bg-accent px-1 text-[11px] leading-none font-semibold text-accent-fg ring-2 ring-surface"
          >
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </Link>
      <span role="status" className="sr-only">
        {count > 0 ? `${count} unread notifications` : ""}
      </span>
    </>
  );
}
