import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/alert";
import { ButtonLink } from "@/components/button";
import { Card, CardBody, CardHeader } from "@/components/card";
import { formatDateTime, pluralize } from "@/components/format";
import { ArrowRightIcon, LinkIcon } from "@/components/icons";
import { DeadlineCountdown } from "@/components/decisions/deadline";
import { percent, REVEAL_LABEL, WEIGHT_MODE_LABEL } from "@/components/decisions/format";
import { PairwiseNote } from "@/components/decisions/pairwise-note";
import { weightBandText } from "@/lib/domain/acceptability";
import { Markdown } from "@/components/markdown";
import { LifecycleControls } from "@/components/decisions/lifecycle-controls";
import { OutcomeCard } from "@/components/decisions/outcome-card";
import { ParticipationBar, VoterList } from "@/components/decisions/participation";
import { can } from "@/lib/server/access";
import { getOutcome } from "@/lib/server/decisions/get-outcome";
import { closeDecisionAction, hideResultsAction, openDecisionAction, reopenDecisionAction, startScoringAction } from "../actions";
import { requireActor } from "@/app/_lib/session";
import { decisionPath, loadDecisionPage, orNotFound, resultsVisible } from "../data";
import { DecisionFrame } from "../frame";
import { DecisionDiscussion } from "./discussion";

type Params = { params: Promise<{ projectId: string; decisionId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { projectId, decisionId } = await params;
  const { decision } = await loadDecisionPage(projectId, decisionId, decisionPath(projectId, decisionId));
  return { title: `${decision.key}: ${decision.title}` };
}

export default async function DecisionPage({ params }: Params) {
  const { projectId, decisionId } = await params;
  const base = decisionPath(projectId, decisionId);
  const actor = await requireActor(base);
  // The outcome is read beside the decision rather than after it: it answers null itself unless the
  // vote is closed, so the page waits for one round of reads, not two.
  const [{ decision }, outcome] = await Promise.all([
    loadDecisionPage(projectId, decisionId, base),
    orNotFound(getOutcome(actor, decisionId)),
  ]);
  const manager = can(decision.role, "decision.manage");
  const voter = can(decision.role, "ballot.submit");
  const me = decision.participation.voters.find((v) => v.userId === actor.userId);
  const totalWeight = decision.criteria.reduce((sum, c) => sum + c.weight, 0);
  const showResults = resultsVisible(decision);
  const recordStatus = decision.record?.status ?? null;
  const weighing = decision.status === "OPEN" && decision.importancesFirst && !decision.scoringStartedAt;

  const voteButton =
    decision.status === "OPEN" && voter ? (
      <ButtonLink href={`${base}/vote`}>{me?.voted ? "Revise your ballot" : "Vote"}</ButtonLink>
    ) : null;

  const controls = manager ? (
    <LifecycleControls
      leading={voteButton}
      status={decision.status}
      editHref={`${base}/edit`}
      live={decision.status === "OPEN" && decision.revealPolicy === "LIVE"}
      participation={decision.participation}
      reopenBlockedBy={
        recordStatus && recordStatus !== "proposed" && recordStatus !== "rejected"
          ? `The decision record is ${recordStatus}, so this vote can no longer be reopened.`
          : null
      }
      openAction={openDecisionAction.bind(null, projectId, decisionId)}
      closeAction={closeDecisionAction.bind(null, projectId, decisionId)}
      reopenAction={reopenDecisionAction.bind(null, projectId, decisionId)}
      hideResultsAction={hideResultsAction.bind(null, projectId, decisionId)}
      startScoringAction={weighing ? startScoringAction.bind(null, projectId, decisionId) : undefined}
    />
  ) : null;

  return (
    <DecisionFrame
      decision={decision}
      current="overview"
      actions={controls ?? voteButton ?? undefined}
    >
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          {outcome ? (
            <OutcomeCard outcome={outcome} resultsHref={`${base}/results`} recordHref={`/projects/${projectId}/records/${decisionId}`} />
          ) : null}
          {decision.status === "OPEN" && decision.role === "AUDITOR" ? (
            <Alert tone="info">Auditors follow the vote but do not take part in it. You will see every ballot once it closes.</Alert>
          ) : null}
          {weighing ? (
            <Alert tone="info" title="Importances first">
              Voters are weighing the criteria before anyone scores.{" "}
              {manager ? "Start scoring when the weighting is done: the importances given stay fixed from then on." : "An owner or lead starts scoring once the weighting is done."}
            </Alert>
          ) : null}
          {decision.status === "OPEN" && decision.requireRationaleAtExtremes ? (
            <p className="text-sm text-fg-muted">
              A score of {decision.scale.min} or {decision.scale.max} (the ends of the scale) needs a rationale on this decision.
            </p>
          ) : null}

          <Card as="section">
            <CardHeader title="Context and problem statement" level={3} />
            <CardBody>
              {decision.context.trim() ? (
                <Markdown source={decision.context} headingOffset={3} />
              ) : (
                <p className="text-sm text-fg-subtle italic">No context was written for this decision.</p>
              )}
            </CardBody>
          </Card>

          <Card as="section">
            <CardHeader title={`Options (${decision.options.length})`} description="The alternatives being considered." level={3} />
            {decision.options.length ? (
              <ol className="divide-y divide-line">
                {decision.options.map((option, index) => (
                  <li key={option.id} className="flex gap-3 px-5 py-3.5">
                    <span aria-hidden="true" className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-surface-muted text-xs font-semibold text-fg-muted">
                      {index + 1}
                    </span>
                    <div className="min-w-0">
                      <p className="font-medium break-words text-fg">{option.name}</p>
                      {option.description ? <p className="mt-0.5 text-sm whitespace-pre-wrap break-words text-fg-muted">{option.description}</p> : null}
                      {option.link ? (
                        <a
                          href={option.link}
                          target="_blank"
                          rel="noopener noreferrer nofollow"
                          className="mt-1 inline-flex max-w-full items-center gap-1 text-sm text-accent-text hover:underline"
                        >
                          <LinkIcon className="size-3.5 shrink-0" />
                          <span className="truncate">{option.link.replace(/^https?:\/\//, "")}</span>
                          <span className="sr-only">(opens in a new tab)</span>
                        </a>
                      ) : null}
                    </div>
                  </li>
                ))}
              </ol>
            ) : (
              <CardBody>
                <p className="text-sm text-fg-subtle">No options yet.{manager ? " Edit the draft to add at least two." : ""}</p>
              </CardBody>
            )}
          </Card>

          <Card as="section">
            <CardHeader
              title={`Criteria (${decision.criteria.length})`}
              description={
                decision.weightMode === "FIXED"
                  ? "The decision drivers, with the weight each carries in the total."
                  : "The decision drivers. Each voter rates how much each one matters; the weights are their average."
              }
              level={3}
            />
            <ol className="divide-y divide-line">
              {decision.criteria.map((criterion) => {
                const share = decision.weightMode === "FIXED" && totalWeight > 0 ? criterion.weight / totalWeight : null;
                return (
                  <li key={criterion.id} className="px-5 py-3.5">
                    <div className="flex items-baseline justify-between gap-4">
                      <p className="min-w-0 font-medium break-words text-fg">{criterion.name}</p>
                      {share !== null ? (
                        <span className="shrink-0 text-sm font-semibold text-fg tabular-nums">{percent(share)}</span>
                      ) : null}
                    </div>
                    {criterion.description ? <p className="mt-0.5 text-sm whitespace-pre-wrap break-words text-fg-muted">{criterion.description}</p> : null}
                    {share !== null ? (
                      <div aria-hidden="true" className="mt-2 h-1.5 overflow-hidden rounded-full bg-surface-muted">
                        <div data-weight-bar={criterion.name} className="h-full rounded-full bg-accent" style={{ width: `${share * 100}%` }} />
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ol>
            <PairwiseNote pairwise={decision.pairwise} />
          </Card>

          <DecisionDiscussion actor={actor} decision={decision} />
        </div>

        <aside className="space-y-6" aria-label="Voting">
          <VotingCard>
            {decision.status === "DRAFT" ? (
              <>
                <CardHeader title="Not open yet" description="Nobody can vote until an owner or lead opens the vote." level={3} />
                <CardBody>
                  <ul className="space-y-2 text-sm">
                    <Check ok={decision.options.length >= 2}>At least 2 options ({decision.options.length})</Check>
                    <Check ok={decision.criteria.length >= 1}>At least 1 criterion ({decision.criteria.length})</Check>
                    {decision.deadline ? <Check ok={decision.deadline > new Date()}>Deadline in the future</Check> : null}
                  </ul>
                </CardBody>
              </>
            ) : (
              <>
                <CardHeader
                  level={3}
                  title={decision.status === "OPEN" ? "Voting" : "Vote closed"}
                  description={
                    decision.status === "OPEN"
                      ? "Who has voted is visible to everyone; what they voted stays hidden."
                      : decision.closedAt
                        ? `Closed ${formatDateTime(decision.closedAt)}.`
                        : undefined
                  }
                />
                <CardBody className="space-y-4">
                  <ParticipationBar voted={decision.participation.voted} eligible={decision.participation.eligible} />
                  {decision.status === "OPEN" && decision.deadline ? (
                    <p className="text-sm text-fg-muted">
                      Closes{" "}
                      <DeadlineCountdown deadline={decision.deadline.toISOString()} label={formatDateTime(decision.deadline)} />
                    </p>
                  ) : null}
                  {decision.status === "OPEN" && voter ? (
                    <p className="text-sm text-fg-muted">
                      {me?.voted
                        ? `You voted${me.submittedAt ? ` ${formatDateTime(me.submittedAt)}` : ""}. You can revise your ballot until the vote closes.`
                        : "You have not voted yet."}
                    </p>
                  ) : null}
                  {showResults ? (
                    <Link href={`${base}/results`} className="group flex items-center justify-between rounded-lg border border-line px-3 py-2.5 text-sm font-medium text-fg hover:bg-surface-muted">
                      {decision.status === "OPEN" ? "Live results" : "See the results"}
                      <ArrowRightIcon className="size-4 text-fg-subtle transition-transform group-hover:translate-x-0.5" />
                    </Link>
                  ) : decision.status === "OPEN" ? (
                    <p className="rounded-lg bg-surface-muted px-3 py-2.5 text-sm text-fg-muted">Results are hidden until the vote closes.</p>
                  ) : null}
                  {decision.status === "CLOSED" ? (
                    <Link href={`${base}/ballots`} className="group flex items-center justify-between rounded-lg border border-line px-3 py-2.5 text-sm font-medium text-fg hover:bg-surface-muted">
                      {can(decision.role, "ballots.read_all") ? "Every ballot" : "Your ballot"}
                      <ArrowRightIcon className="size-4 text-fg-subtle transition-transform group-hover:translate-x-0.5" />
                    </Link>
                  ) : null}
                  {decision.record ? (
                    <Link
                      href={`/projects/${projectId}/records/${decisionId}`}
                      className="group flex items-center justify-between rounded-lg border border-line px-3 py-2.5 text-sm font-medium text-fg hover:bg-surface-muted"
                    >
                      <span>
                        Decision record <span className="font-normal text-fg-muted">· {decision.record.status}</span>
                      </span>
                      <ArrowRightIcon className="size-4 text-fg-subtle transition-transform group-hover:translate-x-0.5" />
                    </Link>
                  ) : null}
                </CardBody>
                {decision.participation.voters.length ? (
                  <div className="border-t border-line px-5 py-3">
                    <h4 className="text-xs font-semibold tracking-wide text-fg-subtle uppercase">Voters</h4>
                    <VoterList voters={decision.participation.voters} currentUserId={actor.userId} />
                  </div>
                ) : null}
              </>
            )}
          </VotingCard>

          <Card as="section">
            <CardHeader title="Rules" level={3} />
            <CardBody>
              <dl className="space-y-3 text-sm">
                <Rule term="Scale">
                  Whole numbers from {decision.scale.min} to {decision.scale.max}
                </Rule>
                <Rule term="Weights">{WEIGHT_MODE_LABEL[decision.weightMode]}</Rule>
                {decision.weightBand !== null ? (
                  <Rule term="Weight band">{weightBandText(decision.weightBand)} in the confidence figure</Rule>
                ) : null}
                <Rule term="Results">{REVEAL_LABEL[decision.revealPolicy]}</Rule>
                <Rule term="Deadline">
                  {decision.deadline ? formatDateTime(decision.deadline) : "None — closed by a lead"}
                </Rule>
                <Rule term="Ballots">{pluralize(decision.participation.voted, "ballot")} submitted</Rule>
              </dl>
            </CardBody>
          </Card>
        </aside>
      </div>
    </DecisionFrame>
  );
}

function VotingCard({ children }: { children: ReactNode }) {
  return <Card as="section">{children}</Card>;
}

function Rule({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-4">
      <dt className="text-fg-muted">{term}</dt>
      <dd className="text-right font-medium text-fg">{children}</dd>
    </div>
  );
}

function Check({ ok, children }: { ok: boolean; children: ReactNode }) {
  return (
    <li className="flex items-center gap-2">
      <span
        aria-hidden="true"
        className={`flex size-5 items-center justify-center rounded-full text-xs ${ok ? "bg-success-soft text-success-text" : "bg-surface-muted text-fg-subtle"}`}
      >
        {ok ? "✓" : "·"}
      </span>
      <span className={ok ? "text-fg" : "text-fg-muted"}>
        {children}
        <span className="sr-only">{ok ? " — done" : " — missing"}</span>
      </span>
    </li>
  );
}
