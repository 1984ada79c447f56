"use client";
// The inbox: each notification links to what it is about (following it marks it read), with a
// per-item "Mark read" and a "Mark all read". Changes tell the header's bell at once.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { NotificationView } from "@/lib/schemas/notification";
import { NOTIFICATION_KIND_LABELS } from "@/lib/domain/notifications";
import { Button } from "../button";
import { CheckIcon } from "../icons";
import { INBOX_CHANGED } from "./inbox-bell";

function announce(unreadCount: number) {
  window.dispatchEvent(new CustomEvent(INBOX_CHANGED, { detail: { unreadCount } }));
}

export function MarkAllReadButton({
  action,
  disabled,
}: {
  action: () => Promise<{ unreadCount: number }>;
  disabled: boolean;
}) {
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={disabled || pending}
      onClick={() =>
        start(async () => {
          announce((await action()).unreadCount);
          router.refresh();
        })
      }
    >
      <CheckIcon className="size-4" />
      {pending ? "Marking…" : "Mark all read"}
    </Button>
  );
}

export function InboxList({
  notifications,
  markRead,
  relativeTimes,
}: {
  notifications: NotificationView[];
  markRead: (id: string) => Promise<{ unreadCount: number }>;
  /** Rendered on the server ("5 min ago"), so server and browser agree. */
  relativeTimes: Record<string, { relative: string; full: string }>;
}) {
  const [pending, start] = useTransition();
  const router = useRouter();
  const read = (id: string) =>
    start(async () => {
      announce((await markRead(id)).unreadCount);
      router.refresh();
    });

  return (
    <ul className="divide-y divide-line" aria-busy={pending}>
      {notifications.map((notification) => {
        const unread = notification.readAt === null;
        const time = relativeTimes[notification.id];
        return (
          <li
            key={notification.id}
            className={`flex gap-3 px-4 py-4 sm:px-5 ${unread ? "bg-accent-soft/40" : ""}`}
            data-testid="notification"
            data-unread={unread}
          >
            <span
              aria-hidden="true"
              className={`mt-1.5 size-2 shrink-0 rounded-full ${unread ? "bg-accent" : "bg-transparent"}`}
            />
            <div className="min-w-0 flex-1">
              <p className="text-xs text-fg-muted">
                {NOTIFICATION_KIND_LABELS[notification.kind].tag} · {notification.projectName}
                {time ? (
                  <>
                    {" · "}
                    <time dateTime={notification.createdAt} title={time.full}>
                      {time.relative}
                    </time>
                  </>
                ) : null}
              </p>
              <Link
                href={notification.link}
                onClick={() => {
                  if (unread) void markRead(notification.id).then((result) => announce(result.unreadCount));
                }}
                className={`mt-0.5 block break-words text-sm hover:underline ${unread ? "font-semibold text-fg" : "font-medium text-fg-muted"}`}
              >
                {unread ? <span className="sr-only">Unread: </span> : null}
                {notification.title}
              </Link>
              {notification.body ? (
                <p className="mt-1 break-words text-sm text-fg-muted">{notification.body}</p>
              ) : null}
            </div>
            {unread ? (
              <Button
                variant="ghost"
                size="sm"
                className="shrink-0"
                disabled={pending}
                onClick={() => read(notification.id)}
                aria-label={`Mark read: ${notification.title}`}
              >
                <CheckIcon className="size-4" />
                <span className="hidden sm:inline">Mark read</span>
              </Button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
