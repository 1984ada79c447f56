import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/button";
import { EmptyState } from "@/components/empty-state";
import { formatDate, formatDateTime, pluralize } from "@/components/format";
import { PlusIcon, ScaleIcon } from "@/components/icons";
import { DeadlineCountdown } from "@/components/decisions/deadline";
import type { DecisionStatus } from "@/lib/schemas/responses";
import { StatusBadge } from "@/components/decisions/status-badge";
import { can } from "@/lib/server/access";
import { listDecisions } from "@/lib/server/decisions/list-decisions";
import { loadProject } from "../data";
import { orNotFound } from "./data";

export const metadata: Metadata = { title: "Decisions" };

const GROUPS: { status: DecisionStatus; title: string; hint: string }[] = [
  { status: "OPEN", title: "Voting now", hint: "Ballots are blind: nobody sees scores until the vote closes." },
  { status: "DRAFT", title: "Drafts", hint: "Being set up; options and criteria can still change." },
  { status: "CLOSED", title: "Closed", hint: "Results and ballots are visible to the project." },
];

export default async function DecisionsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { actor, project } = await loadProject(projectId, `/projects/${projectId}/decisions`);
  const decisions = await orNotFound(listDecisions(actor, projectId));
  const manager = can(project.role, "decision.manage");
  const eligible = project.members.filter((m) => m.role !== "AUDITOR").length;
  const base = `/projects/${projectId}/decisions`;

  const newButton = manager ? (
    <ButtonLink href={`${base}/new`}>
      <PlusIcon className="size-4" />
      New decision
    </ButtonLink>
  ) : null;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h2 className="text-xl font-semibold tracking-tight text-fg">Decisions</h2>
          <p className="mt-1 max-w-2xl text-sm text-fg-muted">
            Each decision is one question, scored by the team on weighted criteria. Closing a vote writes its Architecture
            Decision Record.
          </p>
        </div>
        {newButton}
      </div>

      {decisions.length === 0 ? (
        <EmptyState icon={<ScaleIcon />} title="No decisions yet" action={newButton ? <div className="flex justify-center">{newButton}</div> : undefined}>
          {manager ? (
            <p>Set up the first question: the options you are weighing and the criteria that matter. You can open the vote when it is ready.</p>
          ) : (
            <p>When an owner or lead sets up a decision, it appears here and you will be able to vote on it.</p>
          )}
        </EmptyState>
      ) : (
        GROUPS.map((group) => {
          const items = decisions.filter((d) => d.status === group.status);
          if (items.length === 0) return null;
          const headingId = `decisions-${group.status.toLowerCase()}`;
          return (
            <section key={group.status} aria-labelledby={headingId}>
              <div className="mb-3 flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <h3 id={headingId} className="text-sm font-semibold text-fg">
                  {group.title} <span className="font-normal text-fg-subtle">({items.length})</span>
                </h3>
                <p className="text-xs text-fg-subtle">{group.hint}</p>
              </div>
              <ul className="divide-y divide-line overflow-hidden rounded-xl border border-line bg-surface shadow-xs">
                {items.map((decision) => {
                  const share = eligible > 0 ? Math.min(1, decision.ballotCount / eligible) : 0;
                  return (
                    <li key={decision.id} className="group relative flex flex-col gap-3 px-4 py-4 transition-colors hover:bg-surface-muted/60 sm:flex-row sm:items-center sm:gap-6 sm:px-5">
                      <div className="min-w-0 flex-1">
                        <div className="flex flex-wrap items-center gap-2">
                          <span className="font-mono text-xs font-medium text-fg-subtle">{decision.key}</span>
                          <StatusBadge status={decision.status} />
                          {decision.record ? (
                            <span className="text-xs text-fg-subtle">Record {decision.record.status}</span>
                          ) : null}
                        </div>
                        <h4 className="mt-1.5 text-[15px] font-medium break-words text-fg">
                          <Link
                            href={`${base}/${decision.id}`}
                            className="outline-none after:absolute after:inset-0 focus-visible:after:outline-2 focus-visible:after:-outline-offset-2 focus-visible:after:outline-ring"
                          >
                            {decision.title}
                          </Link>
                        </h4>
                        <p className="mt-1 text-xs text-fg-muted">
                          {pluralize(decision.options.length, "option")} · {pluralize(decision.criteria.length, "criterion", "criteria")} ·{" "}
                          {decision.status === "CLOSED" && decision.closedAt
                            ? `closed ${formatDate(decision.closedAt)}`
                            : decision.status === "OPEN" && decision.openedAt
                              ? `opened ${formatDate(decision.openedAt)}`
                              : `created ${formatDate(decision.createdAt)}`}
                        </p>
                      </div>
                      {decision.status === "OPEN" ? (
                        <div className="w-full shrink-0 space-y-1.5 text-xs sm:w-56">
                          <div className="flex items-baseline justify-between gap-2">
                            <span className="font-medium text-fg">
                              {decision.ballotCount} of {eligible} voted
                            </span>
                            {decision.deadline ? (
                              <span className="text-fg-subtle">
                                <DeadlineCountdown deadline={decision.deadline.toISOString()} label={`Due ${formatDate(decision.deadline)}`} />
                              </span>
                            ) : (
                              <span className="text-fg-subtle">No deadline</span>
                            )}
                          </div>
                          <div aria-hidden="true" className="h-1.5 overflow-hidden rounded-full bg-surface-muted">
                            <div className="h-full rounded-full bg-emerald-500" style={{ width: `${share * 100}%` }} />
                          </div>
                        </div>
                      ) : decision.deadline && decision.status === "DRAFT" ? (
                        <p className="shrink-0 text-xs text-fg-subtle">Deadline {formatDateTime(decision.deadline)}</p>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })
      )}
    </div>
  );
}
