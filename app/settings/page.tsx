import type { Metadata } from "next";
import { Avatar } from "@/components/avatar";
import { Card, CardBody, CardHeader } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { formatDate, formatDateTime, formatRelative } from "@/components/format";
import { KeyIcon } from "@/components/icons";
import { PageContainer, PageHeader } from "@/components/page";
import { listApiTokens } from "@/lib/server/tokens/list-api-tokens";
import { sessionMaxAgeSeconds } from "@/lib/server/sessions/lifetime";
import { listSessions } from "@/lib/server/sessions/list-sessions";
import { userHasPassword } from "@/lib/server/account/has-password";
import { getNotificationPreferences } from "@/lib/server/notifications/preferences";
import { NotificationPreferencesForm } from "./notification-preferences-form";
import { requireActor, sessionProfile } from "../_lib/session";
import { revokeTokenAction } from "./actions";
import { ChangeNameForm } from "./change-name-form";
import { ChangePasswordForm } from "./change-password-form";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";
import { SessionsCard } from "./sessions-card";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await requireActor("/settings");
  const [profile, tokens, sessions, hasPassword, notificationPreferences] = await Promise.all([
    sessionProfile(),
    listApiTokens(actor),
    listSessions(actor),
    userHasPassword(actor),
    getNotificationPreferences(actor),
  ]);
  const now = new Date();

  return (
    <PageContainer width="medium">
      <PageHeader
        title="Settings"
        description="Your profile, notifications, where you are signed in, and the tokens that let scripts act as you."
      />
      <div className="space-y-6">
        <Card as="section">
          <CardHeader
            title="Profile"
            description="How your team sees you on ballots, records and in the history."
          />
          <CardBody className="space-y-5">
            <div className="flex items-center gap-4">
              <Avatar name={profile?.name ?? "?"} tone="accent" />
              <dl className="min-w-0 flex-1">
                <dt className="text-xs font-medium text-fg-muted">Email</dt>
                <dd className="truncate text-sm text-fg">{profile?.email}</dd>
              </dl>
            </div>
            <ChangeNameForm name={profile?.name ?? ""} />
          </CardBody>
        </Card>

        {hasPassword ? (
          <Card as="section">
            <CardHeader title="Password" description="Changing it signs out every other browser." />
            <CardBody>
              <ChangePasswordForm />
            </CardBody>
          </Card>
        ) : null}

        <section id="notifications" className="scroll-mt-20">
          <Card>
            <CardHeader
              title="Notifications"
              description="Your inbox (the bell at the top) gets every kind. Choose which ones also come by email."
            />
            <CardBody>
              <NotificationPreferencesForm view={notificationPreferences} />
            </CardBody>
          </Card>
        </section>

        <SessionsCard sessions={sessions} maxAgeDays={Math.round(sessionMaxAgeSeconds() / 86400)} />

        <Card as="section">
          <CardHeader
            id="tokens-heading"
            title="API tokens"
            description={
              <>
                Scripts and bots send a token as{" "}
                <code className="rounded bg-surface-muted px-1 py-0.5 font-mono text-xs">
                  Authorization: Bearer …
                </code>{" "}
                and act with your permissions in every project you belong to.
              </>
            }
          />
          <CardBody className="border-b border-line">
            <CreateTokenForm />
          </CardBody>
          {tokens.length === 0 ? (
            <div className="p-5">
              <EmptyState icon={<KeyIcon />} title="No API tokens yet">
                Create one above when a script or bot needs to read decisions or submit ballots for you.
              </EmptyState>
            </div>
          ) : (
            <div className="relative overflow-x-auto">
              <table className="w-full text-left text-sm" aria-labelledby="tokens-heading">
                <thead className="border-b border-line bg-surface-muted/60 text-xs text-fg-muted">
                  <tr>
                    <th scope="col" className="px-4 py-2.5 sm:px-5 font-medium">
                      Name
                    </th>
                    <th scope="col" className="px-4 py-2.5 sm:px-5 font-medium">
                      Token
                    </th>
                    <th scope="col" className="hidden px-4 py-2.5 sm:px-5 font-medium sm:table-cell">
                      Created
                    </th>
                    <th scope="col" className="hidden px-4 py-2.5 sm:px-5 font-medium sm:table-cell">
                      Last used
                    </th>
                    <th scope="col" className="px-4 py-2.5 sm:px-5 text-right font-medium">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {tokens.map((token) => (
                    <tr key={token.id}>
                      <td className="px-4 py-3 sm:px-5 font-medium text-fg">
                        {token.name}
                        <div className="mt-0.5 text-xs font-normal text-fg-muted sm:hidden">
                          Created {formatDate(token.createdAt)} ·{" "}
                          {token.lastUsedAt ? `used ${formatRelative(token.lastUsedAt, now)}` : "never used"}
                        </div>
                      </td>
                      <td className="px-4 py-3 sm:px-5">
                        <code className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-xs text-fg-muted">
                          {token.prefix}…
                        </code>
                      </td>
                      <td className="hidden px-4 py-3 sm:px-5 whitespace-nowrap text-fg-muted sm:table-cell">
                        <time dateTime={token.createdAt.toISOString()}>{formatDate(token.createdAt)}</time>
                      </td>
                      <td className="hidden px-4 py-3 sm:px-5 whitespace-nowrap text-fg-muted sm:table-cell">
                        {token.lastUsedAt ? (
                          <time
                            dateTime={token.lastUsedAt.toISOString()}
                            title={formatDateTime(token.lastUsedAt)}
                          >
                            {formatRelative(token.lastUsedAt, now)}
                          </time>
                        ) : (
                          "Never"
                        )}
                      </td>
                      <td className="px-4 py-3 sm:px-5 text-right">
                        <RevokeTokenButton
                          action={revokeTokenAction.bind(null, token.id)}
                          tokenName={token.name}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </PageContainer>
  );
}
