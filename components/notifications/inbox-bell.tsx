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

async function fetchUnread(): Promise<number | null> {
  try {
    const response = await fetch("/api/v1/inbox?limit=0", {
      cache: "no-store",
      headers: { accept: "application/json" },
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { unreadCount?: unknown };
    return typeof body.unreadCount === "number" ? body.unreadCount : null;
  } catch {
    // Offline or the server restarting: the next tick tries again.
    return null;
  }
}

export function InboxBell({ initialCount }: { initialCount: number }) {
  const [count, setCount] = useState(initialCount);
  // A fresh server render (after a navigation or an action) brings a newer count.
  const [rendered, setRendered] = useState(initialCount);
  if (rendered !== initialCount) {
    setRendered(initialCount);
    setCount(initialCount);
  }
  const pathname = usePathname();
  const current = pathname === "/inbox";

  const refresh = useCallback(() => {
    void fetchUnread().then((next) => {
      if (next !== null) setCount(next);
    });
  }, []);

  useEffect(() => {
    refresh();
  }, [pathname, refresh]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") refresh();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") refresh();
    };
    const onChanged = (event: Event) => {
      const next = (event as CustomEvent<{ unreadCount?: number }>).detail?.unreadCount;
      if (typeof next === "number") setCount(next);
      else refresh();
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
