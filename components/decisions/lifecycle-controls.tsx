"use client";
// A lead's controls for a decision's lifecycle: edit and open a draft, close an open vote (confirmed),
// reopen a closed one with a reason. The server decides; refusals are shown as the server words them.
import { Dialog } from "@/components/dialog";
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Alert } from "@/components/alert";
import { buttonClasses, ButtonLink, type ButtonVariant } from "@/components/button";
import { controlClasses, FieldError } from "@/components/field";
import { CheckIcon } from "@/components/icons";
import { Spinner } from "@/components/spinner";
import type { DecisionStatus } from "@/lib/schemas/responses";

export interface LifecycleState {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  at?: number;
}

type Action = (previous: LifecycleState, form: FormData) => Promise<LifecycleState>;

const idle: LifecycleState = { status: "idle" };

export function LifecycleControls({
  leading,
  status,
  editHref,
  live,
  participation,
  reopenBlockedBy,
  openAction,
  closeAction,
  reopenAction,
  hideResultsAction,
  startScoringAction,
}: {
  /** Rendered first in the row of buttons (e.g. the caller's own Vote button). */
  leading?: ReactNode;
  status: DecisionStatus;
  editHref: string;
  /** Results are live while OPEN: offer to hide them until close. */
  live: boolean;
  participation: { voted: number; eligible: number };
  /** Why a CLOSED decision can no longer be reopened (its record was accepted), or null. */
  reopenBlockedBy: string | null;
  openAction: Action;
  closeAction: Action;
  reopenAction: Action;
  hideResultsAction: Action;
  /** Given while an importances-first vote is still collecting importances. */
  startScoringAction?: Action;
}) {
  const [openState, open] = useActionState(openAction, idle);
  const [closeState, close] = useActionState(closeAction, idle);
  const [reopenState, reopen] = useActionState(reopenAction, idle);
  const [hideState, hide] = useActionState(hideResultsAction, idle);
  const [scoringState, startScoring] = useActionState(startScoringAction ?? (async () => idle), idle);
  const closeDialog = useRef<HTMLDialogElement>(null);
  const reopenDialog = useRef<HTMLDialogElement>(null);

  // A successful close or reopen ends its dialog; a refusal keeps it open with the reason.
  useEffect(() => {
    if (closeState.status !== "idle") closeDialog.current?.close();
  }, [closeState]);
  useEffect(() => {
    if (reopenState.status === "success") reopenDialog.current?.close();
  }, [reopenState]);

  const latest = [openState, closeState, reopenState, hideState, scoringState]
    .filter((s) => s.status !== "idle" && !(s === reopenState && s.status === "error" && !s.message))
    .sort((a, b) => (b.at ?? 0) - (a.at ?? 0))[0];

  return (
    <div className="flex flex-col items-stretch gap-2 md:items-end">
      <div className="flex flex-wrap items-center gap-2 md:justify-end">
        {leading}
        {status === "DRAFT" ? (
          <>
            <ButtonLink href={editHref} variant="secondary">
              <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden="true">
                <path d="M12 20h9M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
              Edit
            </ButtonLink>
            <form action={open}>
              <PendingButton pendingLabel="Opening…">Open voting</PendingButton>
            </form>
          </>
        ) : null}
        {status === "OPEN" ? (
          <>
            {startScoringAction ? (
              <form action={startScoring}>
                <PendingButton pendingLabel="Starting…">Start scoring</PendingButton>
              </form>
            ) : null}
            {live ? (
              <form action={hide}>
                <PendingButton variant="ghost" pendingLabel="Hiding…">
                  Hide results until close
                </PendingButton>
              </form>
            ) : null}
            <button type="button" className={buttonClasses({ variant: "secondary" })} onClick={() => closeDialog.current?.showModal()}>
              Close voting…
            </button>
          </>
        ) : null}
        {status === "CLOSED" ? (
          reopenBlockedBy ? (
            <p className="max-w-xs text-xs text-fg-subtle">{reopenBlockedBy}</p>
          ) : (
            <button type="button" className={buttonClasses({ variant: "secondary" })} onClick={() => reopenDialog.current?.showModal()}>
              Reopen voting…
            </button>
          )
        ) : null}
      </div>

      {latest?.message ? (
        latest.status === "error" ? (
          <div className="w-full md:max-w-sm">
            <Alert>{latest.message}</Alert>
          </div>
        ) : (
          <p role="status" className="flex items-start gap-1.5 text-sm text-success-text md:max-w-64 md:text-right">
            <CheckIcon className="mt-0.5 size-4 shrink-0" />
            {latest.message}
          </p>
        )
      ) : null}

      <Dialog ref={closeDialog} title="Close voting?" titleId="close-dialog-title">
        <form action={close} className="space-y-4">
          <p className="text-sm text-fg-muted">
            {participation.voted} of {participation.eligible} eligible voters have submitted a ballot. Closing computes the
            result, reveals it and the ballots to the project, and writes a <em>proposed</em> decision record.
          </p>
          <p className="text-sm text-fg-muted">You can reopen the vote later, as long as its record has not been accepted.</p>
          <div className="flex flex-wrap justify-end gap-2 pt-2">
            <button type="button" className={buttonClasses({ variant: "ghost" })} onClick={() => closeDialog.current?.close()}>
              Keep voting open
            </button>
            <PendingButton pendingLabel="Closing…">Close voting</PendingButton>
          </div>
        </form>
      </Dialog>

      <Dialog ref={reopenDialog} title="Reopen voting" titleId="reopen-dialog-title">
        <form action={reopen} className="space-y-4">
          <p className="text-sm text-fg-muted">
            Voters can revise their ballots again and results are hidden again if the policy says so. The reason is kept in
            the audit log.
          </p>
          {reopenState.status === "error" && reopenState.message ? <Alert>{reopenState.message}</Alert> : null}
          <div className="space-y-1.5">
            <label htmlFor="reopen-reason" className="block text-sm font-medium text-fg">
              Reason
            </label>
            <textarea
              id="reopen-reason"
              name="reason"
              required
              minLength={3}
              maxLength={2000}
              rows={3}
              defaultValue={reopenState.values?.reason}
              placeholder="e.g. Two members were on leave and asked to vote."
              aria-invalid={reopenState.fieldErrors?.reason ? true : undefined}
              aria-describedby={reopenState.fieldErrors?.reason ? "reopen-reason-error" : undefined}
              className={`${controlClasses} py-2`}
            />
            {reopenState.fieldErrors?.reason ? <FieldError id="reopen-reason-error">{reopenState.fieldErrors.reason}</FieldError> : null}
          </div>
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className={buttonClasses({ variant: "ghost" })} onClick={() => reopenDialog.current?.close()}>
              Cancel
            </button>
            <PendingButton pendingLabel="Reopening…">Reopen voting</PendingButton>
          </div>
        </form>
      </Dialog>
    </div>
  );
}

function PendingButton({ children, pendingLabel, variant = "primary" }: { children: React.ReactNode; pendingLabel: string; variant?: ButtonVariant }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClasses({ variant })}>
      {pending ? <Spinner /> : null}
      {pending ? pendingLabel : children}
    </button>
  );
}
