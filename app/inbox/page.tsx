import type { Metadata } from "next";
import { ButtonLink } from "@/components/button";
import { Card } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { formatDateTime, formatRelative } from "@/components/format";
import { BellIcon } from "@/components/icons";
import { InboxList, MarkAllReadButton } from "@/components/notifications/inbox-list";
import { PageContainer, PageHeader } from "@/components/page";
import { listInbox } from "@/lib/server/notifications/inbox";
import { requireActor } from "../_lib/session";
import { markAllReadAction, markReadAction } from "./actions";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const actor = await requireActor("/inbox");
  const { before } = await searchParams;
  const inbox = await listInbox(actor, { limit: "50", ...(before ? { before } : {}) }).catch(() =>
    listInbox(actor, { limit: "50" }),
  );
  const now = new Date();
  const relativeTimes = Object.fromEntries(
    inbox.notifications.map((n) => [
      n.id,
      { relative: formatRelative(new Date(n.createdAt), now), full: formatDateTime(new Date(n.createdAt)) },
    ]),
  );

  return (
    <PageContainer width="narrow">
      <PageHeader
        title="Inbox"
        description={
          inbox.unreadCount > 0
            ? `${inbox.unreadCount} unread across your projects.`
            : "Votes opened for you, deadlines, results, reviews, mentions and role changes across your projects."
        }
        actions={
          inbox.unreadCount > 0 ? (
            <MarkAllReadButton action={markAllReadAction} disabled={false} />
          ) : undefined
        }
      />
      {inbox.notifications.length === 0 ? (
        <EmptyState
          icon={<BellIcon />}
          title={before ? "Nothing older" : "Nothing here yet"}
          action={
            <ButtonLink href="/settings#notifications" variant="secondary">
              Notification settings
            </ButtonLink>
          }
        >
          When a vote opens for you, a deadline nears, a vote closes, a record awaits your review, someone
          mentions you or your role changes, it appears here.
        </EmptyState>
      ) : (
        <Card as="section" className="overflow-hidden">
          <h2 className="sr-only">Notifications</h2>
          <InboxList
            notifications={inbox.notifications}
            markRead={markReadAction}
            relativeTimes={relativeTimes}
          />
        </Card>
      )}
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
        {before ? (
          <ButtonLink href="/inbox" variant="ghost" size="sm">
            Newest
          </ButtonLink>
        ) : (
          <span />
        )}
        {inbox.next ? (
          <ButtonLink href={`/inbox?before=${encodeURIComponent(inbox.next)}`} variant="ghost" size="sm">
            Older
          </ButtonLink>
        ) : null}
      </div>
    </PageContainer>
  );
}
