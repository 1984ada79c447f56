import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { ROLE_SUMMARY, RoleBadge } from "@/components/badge";
import { ButtonLink } from "@/components/button";
import { formatDateTime } from "@/components/format";
import { AlertIcon, UsersIcon } from "@/components/icons";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { describeInvite } from "@/lib/server/members/describe-invite";
import { getProject } from "@/lib/server/projects/get-project";
import { currentActor, sessionProfile } from "../../_lib/session";
import { acceptInviteAction } from "./actions";
import { AcceptInviteForm } from "./accept-form";

export const metadata: Metadata = { title: "Invite" };

async function inviteOrNull(token: string) {
  try {
    return await describeInvite(token);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

async function isMember(actor: Actor, projectId: string) {
  try {
    await getProject(actor, projectId);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return false;
    throw error;
  }
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitePath = `/invites/${token}`;
  const [invite, actor] = await Promise.all([inviteOrNull(token), currentActor()]);

  if (!invite) {
    return (
      <Problem title="This invite link is not valid">
        Check that you copied the whole link. If it still does not work, ask a project owner to send you a new
        one.
      </Problem>
    );
  }
  if (invite.revokedAt) {
    return (
      <Problem title="This invite was revoked" actor={Boolean(actor)}>
        A project owner withdrew this link. If you still mean to join, ask them for a new one.
      </Problem>
    );
  }
  if (invite.usedAt) {
    return (
      <Problem title="This invite has already been used" actor={Boolean(actor)}>
        Each invite link works once. If you accepted it, the project is in your list; otherwise ask a project
        owner for a new link.
      </Problem>
    );
  }
  if (invite.expiresAt < new Date()) {
    return (
      <Problem title="This invite has expired" actor={Boolean(actor)}>
        It expired on {formatDateTime(invite.expiresAt)}. Ask a project owner to send you a new link.
      </Problem>
    );
  }

  const alreadyMember = actor ? await isMember(actor, invite.project.id) : false;
  const profile = actor ? await sessionProfile() : null;

  return (
    <Frame>
      <div className="flex size-12 items-center justify-center rounded-full bg-accent-soft text-accent-text">
        <UsersIcon className="size-6" />
      </div>
      <p className="mt-5 text-sm text-fg-muted">You are invited to join</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words text-fg">
        {invite.project.name}
      </h1>
      <div className="mt-4 flex flex-wrap items-center justify-center gap-2 text-sm text-fg-muted">
        <span>as</span>
        <RoleBadge role={invite.role} />
      </div>
      <p className="mt-3 text-sm text-fg-muted">{ROLE_SUMMARY[invite.role]}</p>
      <p className="mt-1 text-xs text-fg-subtle">Link valid until {formatDateTime(invite.expiresAt)}.</p>

      <div className="mt-8 w-full">
        {!actor ? (
          <div className="space-y-3">
            <ButtonLink href={`/signin?callbackUrl=${encodeURIComponent(invitePath)}`} className="w-full">
              Sign in to accept
            </ButtonLink>
            <ButtonLink
              href={`/signup?callbackUrl=${encodeURIComponent(invitePath)}`}
              variant="secondary"
              className="w-full"
            >
              Create an account
            </ButtonLink>
          </div>
        ) : alreadyMember ? (
          <div className="space-y-3">
            <p className="text-sm text-fg-muted">You are already a member of this project.</p>
            <ButtonLink href={`/projects/${invite.project.id}`} className="w-full">
              Open project
            </ButtonLink>
          </div>
        ) : (
          <div className="space-y-3">
            <AcceptInviteForm action={acceptInviteAction.bind(null, token)} />
            {profile ? (
              <p className="text-xs text-fg-subtle">
                Joining as {profile.name} ({profile.email}).
              </p>
            ) : null}
          </div>
        )}
      </div>
    </Frame>
  );
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-[calc(100dvh-8rem)] items-start justify-center px-4 py-10 sm:items-center sm:py-16">
      <div className="flex w-full max-w-[420px] flex-col items-center rounded-2xl border border-line bg-surface p-6 text-center shadow-sm sm:p-8">
        {children}
      </div>
    </div>
  );
}

function Problem({
  title,
  children,
  actor = false,
}: {
  title: string;
  children: ReactNode;
  actor?: boolean;
}) {
  return (
    <Frame>
      <div className="flex size-12 items-center justify-center rounded-full bg-warning-soft text-warning-text">
        <AlertIcon className="size-6" />
      </div>
      <h1 className="mt-5 text-xl font-semibold tracking-tight text-fg">{title}</h1>
      <p className="mt-2 text-sm text-fg-muted">{children}</p>
      <div className="mt-6">
        {actor ? (
          <ButtonLink href="/projects" variant="secondary">
            Go to your projects
          </ButtonLink>
        ) : (
          <Link
            href="/signin"
            className="text-sm font-medium text-accent-text hover:underline hover:underline-offset-4"
          >
            Sign in to Verdict
          </Link>
        )}
      </div>
    </Frame>
  );
}
