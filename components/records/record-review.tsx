"use client";
// A record's review: when it is next due, who last confirmed it, and for owners and leads the controls
// to set the date, confirm the record still holds, or start the decision that will replace it.
import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import { Alert } from "@/components/alert";
import { buttonClasses } from "@/components/button";
import { Card, CardBody, CardHeader } from "@/components/card";
import { Dialog } from "@/components/dialog";
import { controlClasses, FieldError } from "@/components/field";
import { CheckIcon } from "@/components/icons";
import type { RecordActionState } from "./record-actions";

type Action = (previous: RecordActionState, form: FormData) => Promise<RecordActionState>;

export interface RecordReviewState {
  reviewBy: string | null;
  due: boolean;
  lastConfirmed: { at: Date; byName: string } | null;
  replacement: { key: string; title: string; href: string; decisionStatus: string } | null;
  replaces: { key: string; title: string; href: string } | null;
}

const idle: RecordActionState = { status: "idle" };
const dayFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** "Dec 1, 2026" for a YYYY-MM-DD day, the same on every server and browser. */
export function formatDay(day: string) {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

export function RecordReview({
  status,
  review,
  canManage,
  suggestedNext,
  setAction,
  confirmAction,
  startAction,
}: {
  status: string;
  review: RecordReviewState;
  canManage: boolean;
  /** The next review date offered when confirming (a year on). */
  suggestedNext: string;
  setAction: Action;
  confirmAction: Action;
  startAction: Action;
}) {
  const facts = <ReviewFacts status={status} review={review} />;
  if (!canManage || (status !== "proposed" && status !== "accepted")) {
    return review.reviewBy || review.lastConfirmed || review.replacement || review.replaces ? (
      <section
        aria-label="Record review"
        className="rounded-xl border border-line bg-surface p-5 text-sm shadow-xs"
      >
        {facts}
      </section>
    ) : null;
  }
  return (
    <Card as="section">
      <CardHeader
        title="Review date"
        level={3}
        description="Whether the decision still holds. On this date the record shows “Review due” and the project overview lists it for owners and leads."
      />
      <CardBody className="space-y-4 text-sm">
        {facts}
        <ReviewDateForm action={setAction} reviewBy={review.reviewBy} />
        {status === "accepted" ? (
          <ReviewOutcome
            due={review.due}
            hasReplacement={review.replacement !== null}
            suggestedNext={suggestedNext}
            confirmAction={confirmAction}
            startAction={startAction}
          />
        ) : null}
      </CardBody>
    </Card>
  );
}

function ReviewFacts({ status, review }: { status: string; review: RecordReviewState }) {
  return (
    <div className="space-y-2">
      {review.due && review.reviewBy ? (
        <Alert tone="warning" title="Review due">
          This record was due for review on {formatDay(review.reviewBy)}.
        </Alert>
      ) : review.reviewBy ? (
        <p className="text-fg">
          Next review by <strong className="font-semibold">{formatDay(review.reviewBy)}</strong>
          {status === "proposed" ? " (counts once the record is accepted)" : ""}.
        </p>
      ) : (
        <p className="text-fg-muted">No review is planned.</p>
      )}
      {review.lastConfirmed ? (
        <p className="text-fg-muted">
          Last confirmed by {review.lastConfirmed.byName} on{" "}
          {formatDay(new Date(review.lastConfirmed.at).toISOString().slice(0, 10))}.
        </p>
      ) : null}
      {review.replacement ? (
        <p className="text-fg-muted">
          <Link href={review.replacement.href} className="font-medium text-accent-text hover:underline">
            {review.replacement.key}: {review.replacement.title}
          </Link>{" "}
          ({review.replacement.decisionStatus.toLowerCase()}) reviews this record and supersedes it once its
          own record is accepted.
        </p>
      ) : null}
      {review.replaces ? (
        <Alert tone="info">
          Accepting this record supersedes{" "}
          <Link href={review.replaces.href} className="font-medium underline underline-offset-2">
            {review.replaces.key}: {review.replaces.title}
          </Link>
          , whose review started this decision.
        </Alert>
      ) : null}
    </div>
  );
}

function ReviewDateForm({ action, reviewBy }: { action: Action; reviewBy: string | null }) {
  const [state, submit] = useActionState(action, idle);
  const error = state.status === "error" ? (state.fieldErrors?.reviewBy ?? state.message) : undefined;
  return (
    <form action={submit} className="space-y-2">
      <label htmlFor="review-by" className="block font-medium text-fg">
        Review date
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          // Remount with the saved value after each answer, so the field shows what the server kept.
          key={`${reviewBy ?? ""}-${state.at ?? 0}`}
          id="review-by"
          name="reviewBy"
          type="date"
          required
          defaultValue={state.status === "error" ? state.values?.reviewBy : (reviewBy ?? "")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "review-by-error" : undefined}
          className={`${controlClasses} h-9 w-44`}
        />
        <PendingButton variant="secondary" pendingLabel="Saving…">
          Save date
        </PendingButton>
        {reviewBy ? (
          <button
            type="submit"
            name="clear"
            value="1"
            formNoValidate
            className={buttonClasses({ variant: "ghost", size: "sm" })}
          >
            Clear
          </button>
        ) : null}
      </div>
      {error ? <FieldError id="review-by-error">{error}</FieldError> : null}
      {state.status === "success" ? <Done>{state.message}</Done> : null}
    </form>
  );
}

function ReviewOutcome({
  due,
  hasReplacement,
  suggestedNext,
  confirmAction,
  startAction,
}: {
  due: boolean;
  hasReplacement: boolean;
  suggestedNext: string;
  confirmAction: Action;
  startAction: Action;
}) {
  const [confirmState, confirm] = useActionState(confirmAction, idle);
  const [startState, start] = useActionState(startAction, idle);
  const confirmDialog = useRef<HTMLDialogElement>(null);
  const startDialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (confirmState.status === "success") confirmDialog.current?.close();
  }, [confirmState]);

  const nextError = confirmState.fieldErrors?.nextReviewBy;
  return (
    <div className="space-y-2 border-t border-line pt-4">
      <p className="text-fg-muted">
        {due ? "Record the outcome of the review:" : "Reviewed early? Record the outcome:"}
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClasses({ variant: due ? "primary" : "secondary" })}
          onClick={() => confirmDialog.current?.showModal()}
        >
          Confirm review…
        </button>
        {hasReplacement ? null : (
          <button
            type="button"
            className={buttonClasses({ variant: "ghost" })}
            onClick={() => startDialog.current?.showModal()}
          >
            Start a new decision…
          </button>
        )}
      </div>
      {confirmState.status === "success" ? <Done>{confirmState.message}</Done> : null}

      <Dialog ref={confirmDialog} title="Confirm the decision still holds" titleId="confirm-review-title">
        <form action={confirm} className="space-y-4">
          <p className="text-sm text-fg-muted">
            Your name and today&apos;s date are recorded in the audit log. Pick when to look again, or leave
            the date empty for no further review.
          </p>
          <div className="space-y-1.5">
            <label htmlFor="next-review-by" className="block text-sm font-medium text-fg">
              Next review date (optional)
            </label>
            <input
              id="next-review-by"
              name="nextReviewBy"
              type="date"
              defaultValue={confirmState.values?.nextReviewBy ?? suggestedNext}
              aria-invalid={nextError ? true : undefined}
              aria-describedby={nextError ? "next-review-by-error" : undefined}
              className={`${controlClasses} h-10 w-48`}
            />
            {nextError ? <FieldError id="next-review-by-error">{nextError}</FieldError> : null}
          </div>
          <div className="space-y-1.5">
            <label htmlFor="confirm-review-comment" className="block text-sm font-medium text-fg">
              Comment (optional)
            </label>
            <textarea
              id="confirm-review-comment"
              name="comment"
              rows={3}
              maxLength={2000}
              defaultValue={confirmState.values?.comment}
              placeholder="e.g. Checked against this quarter's serving costs; still the right call."
              className={`${controlClasses} py-2`}
            />
          </div>
          {confirmState.status === "error" && !nextError && confirmState.message ? (
            <Alert>{confirmState.message}</Alert>
          ) : null}
          <DialogButtons onCancel={() => confirmDialog.current?.close()} pendingLabel="Confirming…">
            Confirm review
          </DialogButtons>
        </form>
      </Dialog>

      <Dialog ref={startDialog} title="Start a new decision" titleId="start-review-title">
        <form action={start} className="space-y-4">
          <p className="text-sm text-fg-muted">
            A new draft decision is created with this one&apos;s title, context, options and criteria, for you
            to edit. This record stays accepted until the new decision&apos;s record is accepted; then it is
            superseded by it.
          </p>
          {startState.status === "error" && startState.message ? <Alert>{startState.message}</Alert> : null}
          <DialogButtons onCancel={() => startDialog.current?.close()} pendingLabel="Creating…">
            Create draft decision
          </DialogButtons>
        </form>
      </Dialog>
    </div>
  );
}

function Done({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="inline-flex items-center gap-1.5 text-sm text-success-text">
      <CheckIcon className="size-4" />
      {children}
    </p>
  );
}

function PendingButton({
  children,
  pendingLabel,
  variant,
}: {
  children: React.ReactNode;
  pendingLabel: string;
  variant: "primary" | "secondary";
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={buttonClasses({ variant, size: "sm" })}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}

function DialogButtons({
  children,
  onCancel,
  pendingLabel,
}: {
  children: React.ReactNode;
  onCancel: () => void;
  pendingLabel: string;
}) {
  const { pending } = useFormStatus();
  return (
    <div className="flex flex-wrap justify-end gap-2 pt-1">
      <button type="button" className={buttonClasses({ variant: "ghost" })} onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClasses()}>
        {pending ? pendingLabel : children}
      </button>
    </div>
  );
}
