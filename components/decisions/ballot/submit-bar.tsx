"use client";
// The sticky bar under the ballot: what is scored, abstained and blank, whether there are unsubmitted
// changes, and the Submit button (Enter on the last cell lands here).
import type { Ref } from "react";
import { Alert } from "@/components/alert";
import { buttonClasses } from "@/components/button";
import { CheckIcon } from "@/components/icons";
import { Spinner } from "@/components/spinner";
import type { SubmitState } from "./use-ballot-submit";

export function SubmitBar({
  submitRef,
  submit,
  counts,
  dirtySinceSubmit,
  revising,
  decisionHref,
  weighingOnly,
  needsRationale,
}: {
  submitRef: Ref<HTMLButtonElement>;
  submit: SubmitState;
  counts: { scored: number; abstained: number; blank: number };
  dirtySinceSubmit: boolean;
  /** A ballot was submitted before: the button says it revises it. */
  revising: boolean;
  decisionHref: string;
  /** Importances-first phase: the ballot is the importances alone. */
  weighingOnly: boolean;
  /** "Option on Criterion" for each score at the scale's end that still lacks a rationale. */
  needsRationale: string[];
}) {
  const { scored, abstained, blank } = counts;
  const disabled = submit.kind === "submitting" || (!weighingOnly && (scored + abstained === 0 || needsRationale.length > 0));
  return (
    <div className="sticky bottom-0 z-20 -mx-4 border-t border-line bg-canvas/90 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border sm:bg-surface/90 sm:px-5">
      {submit.kind === "error" ? (
        <Alert className="mb-3">
          {submit.message}{" "}
          {submit.signIn ? (
            <a href={`/signin?callbackUrl=${encodeURIComponent(typeof window === "undefined" ? decisionHref : window.location.pathname)}`} className="font-medium underline">
              Sign in again
            </a>
          ) : null}
        </Alert>
      ) : null}
      {needsRationale.length > 0 ? (
        <Alert tone="warning" className="mb-3" title={`${needsRationale.length} score${needsRationale.length > 1 ? "s" : ""} at the end of the scale need${needsRationale.length > 1 ? "" : "s"} a rationale`}>
          <span data-testid="rationale-needed">{needsRationale.join(" · ")}</span>. Say why in the cell&apos;s rationale (R), or pick a score inside the scale.
        </Alert>
      ) : null}
      <div className="flex items-center justify-between gap-3">
        {weighingOnly ? (
          <p className="text-sm text-fg-muted">Only your importances count in this phase.</p>
        ) : (
        <p className="min-w-0 text-sm text-fg-muted">
          <span className="font-medium text-fg tabular-nums">{scored}</span> scored ·{" "}
          <span className="tabular-nums">{abstained}</span> abstained · <span className="tabular-nums">{blank}</span> blank
          {/* Phones keep the bar to one row so the cells above it stay in view. */}
          {blank > 0 ? <span className="hidden text-xs text-fg-subtle sm:block">Blank cells count as abstentions when you submit.</span> : null}
          {dirtySinceSubmit ? <span className="block text-xs text-warning-text">You have changes that are not submitted yet.</span> : null}
        </p>
        )}
        <button
          ref={submitRef}
          type="submit"
          disabled={disabled}
          aria-disabled={disabled}
          className={buttonClasses({ className: "shrink-0" })}
        >
          {submit.kind === "submitting" ? <Spinner /> : <CheckIcon className="size-4" />}
          {submit.kind === "submitting"
            ? "Submitting…"
            : weighingOnly
              ? "Submit importances"
              : revising || submit.kind === "success"
                ? "Submit revised ballot"
                : "Submit ballot"}
        </button>
      </div>
    </div>
  );
}
