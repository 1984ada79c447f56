// "What needs me": open votes I have not cast, records waiting for my review and the latest outcomes.
// Shown on a busy project's overview and, across projects, on the home page. Data comes from the page.
import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardHeader } from "../card";
import { formatDate, formatDateTime } from "../format";
import { ArrowRightIcon, CheckIcon } from "../icons";
import { RecordStatusBadge } from "../records/record-status";

interface ProjectRef {
  id: string;
  name: string;
}

export interface AttentionData {
  openVotes: { decisionId: string; key: string; title: string; project: ProjectRef; deadline: Date | null }[];
  recordsToReview: {
    decisionId: string;
    key: string;
    title: string;
    project: ProjectRef;
    closedAt: Date | null;
  }[];
  recentOutcomes: {
    decisionId: string;
    key: string;
    title: string;
    project: ProjectRef;
    closedAt: Date | null;
    chosenOption: string | null;
    recordStatus: string | null;
  }[];
}

export function AttentionLists({
  data,
  canVote,
  canReview,
  showProject,
}: {
  data: AttentionData;
  /** False for an auditor-only view: "votes to cast" would always be empty, so it is left out. */
  canVote: boolean;
  canReview: boolean;
  /** On the home page each item names its project. */
  showProject: boolean;
}) {
  const decisionHref = (item: { project: ProjectRef; decisionId: string }) =>
    `/projects/${item.project.id}/decisions/${item.decisionId}`;
  const recordHref = (item: { project: ProjectRef; decisionId: string }) =>
    `/projects/${item.project.id}/records/${item.decisionId}`;
  const projectLine = (item: { project: ProjectRef }) =>
    showProject ? <span className="text-fg-muted">{item.project.name} · </span> : null;

  return (
    <div className="space-y-6">
      {canVote ? (
        <AttentionCard
          id="votes-to-cast"
          title="Votes waiting for you"
          description="Open votes you have not cast a ballot in yet."
          empty="You have voted in every open decision."
        >
          {data.openVotes.map((vote) => (
            <Row
              key={vote.decisionId}
              href={`${decisionHref(vote)}/vote`}
              title={vote.title}
              meta={
                <>
                  {projectLine(vote)}
                  {vote.key}
                  {vote.deadline ? <> · closes {formatDateTime(vote.deadline)}</> : " · no deadline"}
                </>
              }
              action="Vote"
            />
          ))}
        </AttentionCard>
      ) : null}

      {canReview ? (
        <AttentionCard
          id="records-to-review"
          title="Records awaiting your review"
          description="Proposed decision records an owner or lead should edit, then accept or reject."
          empty="No proposed records are waiting."
        >
          {data.recordsToReview.map((record) => (
            <Row
              key={record.decisionId}
              href={recordHref(record)}
              title={record.title}
              meta={
                <>
                  {projectLine(record)}
                  {record.key}
                  {record.closedAt ? <> · vote closed {formatDate(record.closedAt)}</> : null}
                </>
              }
              action="Review"
            />
          ))}
        </AttentionCard>
      ) : null}

      <AttentionCard
        id="recent-outcomes"
        title="Recent outcomes"
        description="The latest closed votes and what they chose."
        empty="No vote has closed yet."
      >
        {data.recentOutcomes.map((outcome) => (
          <Row
            key={outcome.decisionId}
            href={decisionHref(outcome)}
            title={outcome.title}
            meta={
              <>
                {projectLine(outcome)}
                {outcome.key}
                {outcome.closedAt ? <> · closed {formatDate(outcome.closedAt)}</> : null}
              </>
            }
            detail={
              <span className="flex flex-wrap items-center gap-2">
                <span className="text-fg">
                  {outcome.chosenOption ? (
                    <>
                      Chose <strong className="font-semibold">{outcome.chosenOption}</strong>
                    </>
                  ) : outcome.recordStatus && outcome.recordStatus !== "proposed" ? (
                    // Imported records carry their outcome in their text, not as a chosen option.
                    "Outcome in the record"
                  ) : (
                    "No option chosen yet"
                  )}
                </span>
                {outcome.recordStatus ? <RecordStatusBadge status={outcome.recordStatus} /> : null}
              </span>
            }
          />
        ))}
      </AttentionCard>
    </div>
  );
}

function AttentionCard({
  id,
  title,
  description,
  empty,
  children,
}: {
  id: string;
  title: string;
  description: string;
  empty: string;
  children: ReactNode[];
}) {
  return (
    <section aria-labelledby={id}>
      <Card>
        <CardHeader id={id} title={title} description={description} />
        {children.length > 0 ? (
          <ul className="divide-y divide-line">{children}</ul>
        ) : (
          <p className="flex items-center gap-2 px-5 py-4 text-sm text-fg-muted">
            <CheckIcon className="size-4 shrink-0 text-success-text" />
            {empty}
          </p>
        )}
      </Card>
    </section>
  );
}

function Row({
  href,
  title,
  meta,
  detail,
  action,
}: {
  href: string;
  title: string;
  meta: ReactNode;
  detail?: ReactNode;
  action?: string;
}) {
  return (
    <li className="group relative flex items-center gap-3 px-5 py-3.5 hover:bg-surface-muted/60">
      <div className="min-w-0 flex-1">
        <Link
          href={href}
          className="font-medium break-words text-fg outline-none after:absolute after:inset-0 focus-visible:after:outline-2 focus-visible:after:-outline-offset-2 focus-visible:after:outline-ring"
        >
          {title}
        </Link>
        <p className="mt-0.5 text-xs text-fg-muted">{meta}</p>
        {detail ? <div className="mt-1.5 text-sm">{detail}</div> : null}
      </div>
      <span className="flex shrink-0 items-center gap-1 text-sm font-medium text-accent-text">
        {action ? <span aria-hidden="true">{action}</span> : null}
        <ArrowRightIcon className="size-4 transition-transform group-hover:translate-x-0.5" />
      </span>
    </li>
  );
}
