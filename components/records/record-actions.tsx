"use client";
// A lead's status changes for a record: accept or reject a proposed one, deprecate or supersede an
// accepted one. Each asks for confirmation in a dialog; the server decides and its refusal is shown.
import { Dialog } from "@/components/dialog";
import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import Link from "next/link";
import { Alert } from "@/components/alert";
import { buttonClasses, type ButtonVariant } from "@/components/button";
import { controlClasses, FieldError } from "@/components/field";
import { CheckIcon } from "@/components/icons";

export interface RecordActionState {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  at?: number;
}

type Action = (previous: RecordActionState, form: FormData) => Promise<RecordActionState>;

export interface SupersedeCandidate {
  decisionId: string;
  key: string;
  title: string;
  status: string;
}

const idle: RecordActionState = { status: "idle" };

export function RecordActions({
  status,
  editHref,
  missingChoice,
  candidates,
  acceptAction,
  rejectAction,
  deprecateAction,
  supersedeAction,
}: {
  status: string;
  /** Where a lead edits the narrative; null when the text cannot change (imported records). */
  editHref: string | null;
  /** Why accepting will be refused until a lead picks an option, or null. */
  missingChoice: string | null;
  candidates: SupersedeCandidate[];
  acceptAction: Action;
  rejectAction: Action;
  deprecateAction: Action;
  supersedeAction: Action;
}) {
  const [acceptState, accept] = useActionState(acceptAction, idle);
  const [rejectState, reject] = useActionState(rejectAction, idle);
  const [deprecateState, deprecate] = useActionState(deprecateAction, idle);
  const [supersedeState, supersede] = useActionState(supersedeAction, idle);
  const [open, setOpen] = useState<"accept" | "reject" | "deprecate" | "supersede" | null>(null);
  const acceptDialog = useRef<HTMLDialogElement>(null);
  const rejectDialog = useRef<HTMLDialogElement>(null);
  const deprecateDialog = useRef<HTMLDialogElement>(null);
  const supersedeDialog = useRef<HTMLDialogElement>(null);

  const latest = [acceptState, rejectState, deprecateState, supersedeState]
    .filter((s) => s.status !== "idle")
    .sort((a, b) => (b.at ?? 0) - (a.at ?? 0))[0];

  // A success closes the dialog; a refusal keeps it open with the server's reason.
  useEffect(() => {
    if (latest?.status !== "success") return;
    for (const dialog of [acceptDialog, rejectDialog, deprecateDialog, supersedeDialog])
      dialog.current?.close();
  }, [latest]);

  type Which = "accept" | "reject" | "deprecate" | "supersede";
  const dialogOf = (which: Which) =>
    ({ accept: acceptDialog, reject: rejectDialog, deprecate: deprecateDialog, supersede: supersedeDialog })[
      which
    ].current;
  const show = (which: Which) => {
    setOpen(which);
    dialogOf(which)?.showModal();
  };
  const close = (which: Which) => {
    dialogOf(which)?.close();
    setOpen(null);
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {status === "proposed" ? (
          <>
            {editHref ? (
              <Link href={editHref} className={buttonClasses({ variant: "secondary" })}>
                Edit narrative
              </Link>
            ) : null}
            <button type="button" className={buttonClasses()} onClick={() => show("accept")}>
              Accept…
            </button>
            <button
              type="button"
              className={buttonClasses({ variant: "ghost" })}
              onClick={() => show("reject")}
            >
              Reject…
            </button>
          </>
        ) : null}
        {status === "accepted" ? (
          <>
            <button
              type="button"
              className={buttonClasses({ variant: "secondary" })}
              onClick={() => show("supersede")}
            >
              Supersede…
            </button>
            <button
              type="button"
              className={buttonClasses({ variant: "ghost" })}
              onClick={() => show("deprecate")}
            >
              Deprecate…
            </button>
          </>
        ) : null}
      </div>
      {status === "proposed" && missingChoice ? <Alert tone="warning">{missingChoice}</Alert> : null}

      {latest?.message && open === null ? (
        latest.status === "error" ? (
          <Alert>{latest.message}</Alert>
        ) : (
          <p role="status" className="inline-flex items-center gap-1.5 text-sm text-success-text">
            <CheckIcon className="size-4" />
            {latest.message}
          </p>
        )
      ) : null}

      {status === "proposed" ? (
        <>
          <Dialog
            ref={acceptDialog}
            title="Accept this record?"
            titleId="accept-title"
            onClose={() => setOpen(null)}
          >
            <form action={accept} className="space-y-4">
              <p className="text-sm text-fg-muted">
                An accepted record is final: its text never changes again. Later it can only be deprecated or
                superseded by a newer decision&apos;s record.
              </p>
              {missingChoice ? <Alert tone="warning">{missingChoice}</Alert> : null}
              <CommentField
                id="accept-comment"
                label="Comment (optional)"
                state={acceptState}
                placeholder="e.g. Agreed in the architecture review on 12 May."
              />
              <Refusal state={acceptState} />
              <DialogButtons onCancel={() => close("accept")} pendingLabel="Accepting…">
                Accept record
              </DialogButtons>
            </form>
          </Dialog>

          <Dialog
            ref={rejectDialog}
            title="Reject this record"
            titleId="reject-title"
            onClose={() => setOpen(null)}
          >
            <form action={reject} className="space-y-4">
              <p className="text-sm text-fg-muted">
                A rejected record stays in the history. To propose it again, reopen the vote; closing it
                writes a new version.
              </p>
              <CommentField
                id="reject-comment"
                label="Why is it rejected?"
                required
                state={rejectState}
                placeholder="e.g. Two of the five voters were on leave."
              />
              <Refusal state={rejectState} />
              <DialogButtons onCancel={() => close("reject")} pendingLabel="Rejecting…" variant="danger">
                Reject record
              </DialogButtons>
            </form>
          </Dialog>
        </>
      ) : null}
      {status === "accepted" ? (
        <>
          <Dialog
            ref={deprecateDialog}
            title="Deprecate this record?"
            titleId="deprecate-title"
            onClose={() => setOpen(null)}
          >
            <form action={deprecate} className="space-y-4">
              <p className="text-sm text-fg-muted">
                The decision no longer applies, and nothing replaces it. Only the record&apos;s status line
                changes.
              </p>
              <CommentField
                id="deprecate-comment"
                label="Comment (optional)"
                state={deprecateState}
                placeholder="e.g. The feature was retired."
              />
              <Refusal state={deprecateState} />
              <DialogButtons onCancel={() => close("deprecate")} pendingLabel="Deprecating…">
                Deprecate record
              </DialogButtons>
            </form>
          </Dialog>

          <Dialog
            ref={supersedeDialog}
            title="Supersede this record"
            titleId="supersede-title"
            onClose={() => setOpen(null)}
          >
            <form action={supersede} className="space-y-4">
              <p className="text-sm text-fg-muted">
                Pick the newer record that replaces this one. Both files will link to each other: this one
                becomes &ldquo;superseded by&rdquo; the newer one.
              </p>
              {candidates.length === 0 ? (
                <Alert tone="info">
                  No other proposed or accepted record exists yet. Close the newer decision&apos;s vote first.
                </Alert>
              ) : (
                <div className="space-y-1.5">
                  <label htmlFor="supersede-by" className="block text-sm font-medium text-fg">
                    Superseded by
                  </label>
                  <select
                    id="supersede-by"
                    name="byDecisionId"
                    required
                    defaultValue={supersedeState.values?.byDecisionId ?? ""}
                    className={`${controlClasses} h-10`}
                  >
                    <option value="" disabled>
                      Choose a record…
                    </option>
                    {candidates.map((c) => (
                      <option key={c.decisionId} value={c.decisionId}>
                        {c.key}: {c.title} ({c.status})
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <CommentField
                id="supersede-comment"
                label="Comment (optional)"
                state={supersedeState}
                placeholder="e.g. Revisited after the TF 2 migration."
              />
              <Refusal state={supersedeState} />
              <DialogButtons
                onCancel={() => close("supersede")}
                pendingLabel="Saving…"
                disabled={candidates.length === 0}
              >
                Supersede record
              </DialogButtons>
            </form>
          </Dialog>
        </>
      ) : null}
    </div>
  );
}

function CommentField({
  id,
  label,
  state,
  required = false,
  placeholder,
}: {
  id: string;
  label: string;
  state: RecordActionState;
  required?: boolean;
  placeholder: string;
}) {
  const error = state.fieldErrors?.comment;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-fg">
        {label}
      </label>
      <textarea
        id={id}
        name="comment"
        rows={3}
        maxLength={2000}
        minLength={required ? 3 : undefined}
        required={required}
        defaultValue={state.values?.comment}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`${controlClasses} py-2`}
      />
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}

function Refusal({ state }: { state: RecordActionState }) {
  return state.status === "error" && state.message ? <Alert>{state.message}</Alert> : null;
}

function DialogButtons({
  children,
  onCancel,
  pendingLabel,
  variant = "primary",
  disabled = false,
}: {
  children: ReactNode;
  onCancel: () => void;
  pendingLabel: string;
  variant?: ButtonVariant;
  disabled?: boolean;
}) {
  const { pending } = useFormStatus();
  return (
    <div className="flex flex-wrap justify-end gap-2 pt-1">
      <button type="button" className={buttonClasses({ variant: "ghost" })} onClick={onCancel}>
        Cancel
      </button>
      <button
        type="submit"
        disabled={pending || disabled}
        aria-disabled={pending || disabled}
        className={buttonClasses({ variant })}
      >
        {pending ? pendingLabel : children}
      </button>
    </div>
  );
}
