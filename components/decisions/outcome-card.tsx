// A closed decision's outcome at the top of its overview: who won, by how much, what the record chose.
import Link from "next/link";
import type { ResultFlag } from "@/lib/domain/aggregation";
import { Card } from "../card";
import { ArrowRightIcon } from "../icons";
import { RecordStatusBadge } from "../records/record-status";
import { outOf100 } from "./format";
import { FlagBadge } from "./status-badge";

export interface Outcome {
  voted: number;
  winners: { optionId: string; name: string; total: number }[];
  runnerUp: { name: string; total: number } | null;
  flags: ResultFlag[];
  record: { status: string; chosenOption: string | null } | null;
}

export function OutcomeCard({
  outcome,
  resultsHref,
  recordHref,
}: {
  outcome: Outcome;
  resultsHref: string;
  recordHref: string;
}) {
  const { winners, runnerUp, record } = outcome;
  const top = winners[0];
  const headline =
    outcome.voted === 0 || !top
      ? "No ballots were cast"
      : winners.length > 1
        ? `Tie: ${winners.map((w) => w.name).join(" and ")}`
        : top.name;
  const recordDiffers = record?.chosenOption && top && !winners.some((w) => w.name === record.chosenOption);

  return (
    <Card as="section" className="overflow-hidden">
      <div className="border-l-4 border-accent px-5 py-4">
        <h3 className="text-xs font-semibold tracking-wide text-fg-muted uppercase">
          {winners.length > 1 ? "Outcome" : "Winner"}
        </h3>
        <p
          className="mt-1 text-xl font-semibold tracking-tight break-words text-fg"
          data-testid="outcome-winner"
        >
          {headline}
        </p>
        {top ? (
          <p className="mt-1 text-sm text-fg-muted">
            <span className="font-semibold text-fg tabular-nums">{outOf100(top.total)}</span> out of 100
            {runnerUp ? (
              <>
                {" "}
                · {((top.total - runnerUp.total) * 100).toFixed(1)} points ahead of {runnerUp.name} (
                {outOf100(runnerUp.total)})
              </>
            ) : null}
          </p>
        ) : null}
        {outcome.flags.length > 0 ? (
          <p className="mt-2 flex flex-wrap gap-1.5">
            {outcome.flags.map((flag) => (
              <FlagBadge key={flag} flag={flag} />
            ))}
          </p>
        ) : null}
        {recordDiffers ? (
          <p className="mt-2 text-sm text-fg">
            The record names <strong className="font-semibold">{record!.chosenOption}</strong> as the chosen
            option.
          </p>
        ) : null}
        <div className="mt-4 flex flex-wrap gap-x-5 gap-y-2 text-sm font-medium">
          {record ? (
            <Link
              href={recordHref}
              className="group inline-flex items-center gap-1.5 text-accent-text hover:underline hover:underline-offset-4"
            >
              Decision record
              <RecordStatusBadge status={record.status} />
              <ArrowRightIcon className="size-4 transition-transform group-hover:translate-x-0.5" />
            </Link>
          ) : null}
          <Link
            href={resultsHref}
            className="group inline-flex items-center gap-1 text-accent-text hover:underline hover:underline-offset-4"
          >
            Full results
            <ArrowRightIcon className="size-4 transition-transform group-hover:translate-x-0.5" />
          </Link>
        </div>
      </div>
    </Card>
  );
}
