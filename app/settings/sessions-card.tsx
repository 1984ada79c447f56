// Where the user is signed in, with a way to end any of those sessions or all of them.
import { MutedBadge } from "@/components/badge";
import { Card, CardHeader } from "@/components/card";
import { formatDateTime, formatRelative } from "@/components/format";
import { LogOutIcon } from "@/components/icons";
import { SubmitButton } from "@/components/submit-button";
import type { listSessions } from "@/lib/server/sessions/list-sessions";
import { RevokeSessionButton } from "./revoke-session-button";
import { revokeSessionAction, signOutEverywhereAction } from "./session-actions";
import { describeUserAgent } from "./user-agent";

type SessionRow = Awaited<ReturnType<typeof listSessions>>[number];

export function SessionsCard({ sessions, maxAgeDays }: { sessions: SessionRow[]; maxAgeDays: number }) {
  const now = new Date();
  return (
    <Card as="section">
      <CardHeader
        id="sessions-heading"
        title="Signed-in browsers"
        description={`Each sign-in lasts ${maxAgeDays} days unless you sign it out here. Signing out ends it on the server too.`}
        action={
          <form action={signOutEverywhereAction}>
            <SubmitButton variant="secondary" size="sm" pendingLabel="Signing out…">
              <LogOutIcon className="size-4" />
              Sign out everywhere
            </SubmitButton>
          </form>
        }
      />
      <ul className="divide-y divide-line" aria-labelledby="sessions-heading">
        {sessions.map((session) => {
          const browser = describeUserAgent(session.userAgent);
          return (
            <li key={session.id} className="flex items-center justify-between gap-4 px-4 py-3 sm:px-5">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-fg">
                  <span className="truncate" title={session.userAgent ?? undefined}>
                    {browser}
                  </span>
                  {session.current ? <MutedBadge>This browser</MutedBadge> : null}
                </p>
                <p className="mt-0.5 text-xs text-fg-muted">
                  Signed in{" "}
                  <time dateTime={session.createdAt.toISOString()} title={formatDateTime(session.createdAt)}>
                    {formatRelative(session.createdAt, now)}
                  </time>{" "}
                  · last seen{" "}
                  <time
                    dateTime={session.lastSeenAt.toISOString()}
                    title={formatDateTime(session.lastSeenAt)}
                  >
                    {formatRelative(session.lastSeenAt, now)}
                  </time>
                </p>
              </div>
              {session.current ? null : (
                <RevokeSessionButton action={revokeSessionAction.bind(null, session.id)} label={browser} />
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
