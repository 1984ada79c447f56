"use client";
// The lead's editor for a proposed record: each narrative field in Markdown, the chosen option, and a
// live preview of the whole record that the server renders and sanitizes as you type.
import { useEffect, useRef, useState, useTransition } from "react";
import Link from "next/link";
import { Alert } from "@/components/alert";
import { buttonClasses } from "@/components/button";
import { controlClasses, FieldError } from "@/components/field";
import type { RecordNarrative } from "@/lib/domain/record";
import type { SafeHtml } from "@/lib/render-markdown";
import type { RecordActionState } from "./record-actions";
import { SanitizedHtml } from "./sanitized-html";

/** What the editor edits: exactly the record's narrative. */
export type EditableNarrative = RecordNarrative;

type TextField = Exclude<keyof EditableNarrative, "chosenOptionId">;

const FIELDS: { name: TextField; label: string; hint: string; rows: number }[] = [
  {
    name: "context",
    label: "Context and problem statement",
    hint: "What forces this decision, and what is out of scope.",
    rows: 6,
  },
  {
    name: "justification",
    label: "Justification",
    hint: "Continues “Chosen option: …, because …”. Required when you pick an option the vote did not.",
    rows: 4,
  },
  {
    name: "consequencesGood",
    label: "Good consequences",
    hint: "One per line; each becomes “Good, because …”.",
    rows: 4,
  },
  {
    name: "consequencesBad",
    label: "Bad consequences",
    hint: "One per line; each becomes “Bad, because …”.",
    rows: 4,
  },
  {
    name: "confirmation",
    label: "Confirmation",
    hint: "How the team will check that the decision holds up.",
    rows: 3,
  },
  {
    name: "moreInformation",
    label: "More information",
    hint: "Links, follow-ups, notes. The vote's tables are added below it.",
    rows: 4,
  },
];

const PREVIEW_DELAY_MS = 400;

// The preview follows the field being edited to the section of the record it fills.
const SECTION: Record<keyof EditableNarrative, string> = {
  context: "Context and Problem Statement",
  chosenOptionId: "Decision Outcome",
  justification: "Decision Outcome",
  consequencesGood: "Consequences",
  consequencesBad: "Consequences",
  confirmation: "Confirmation",
  moreInformation: "More Information",
};

export function NarrativeEditor({
  initial,
  initialTitle,
  options,
  clearWinnerName,
  undecidedReason,
  initialPreview,
  cancelHref,
  saveAction,
  previewAction,
}: {
  initial: EditableNarrative;
  /** The record's title (its own, or the decision's until a lead sets one). */
  initialTitle: string;
  options: { id: string; name: string }[];
  /** The option the vote chooses on its own, or null after a tie or a contested result. */
  clearWinnerName: string | null;
  /** Why the vote chose nothing (shown so the lead knows a pick and a reason are needed). */
  undecidedReason: string | null;
  initialPreview: SafeHtml;
  cancelHref: string;
  saveAction: (input: EditableNarrative & { note?: string; title?: string }) => Promise<RecordActionState>;
  previewAction: (
    input: EditableNarrative,
  ) => Promise<{ ok: true; html: SafeHtml } | { ok: false; message: string }>;
}) {
  const [narrative, setNarrative] = useState<EditableNarrative>(initial);
  const [note, setNote] = useState("");
  const [title, setTitle] = useState(initialTitle);
  const [preview, setPreview] = useState<{ html: SafeHtml; error: string | null; stale: boolean }>({
    html: initialPreview,
    error: null,
    stale: false,
  });
  const [saveState, setSaveState] = useState<RecordActionState>({ status: "idle" });
  const [saving, startSaving] = useTransition();
  const [active, setActive] = useState<keyof EditableNarrative | null>(null);
  const request = useRef(0);
  const first = useRef(true);
  const previewBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const box = previewBox.current;
    if (!box || active === null) return;
    const heading = [...box.querySelectorAll("h2, h3, h4")].find(
      (h) => h.textContent?.trim() === SECTION[active],
    );
    if (heading instanceof HTMLElement)
      box.scrollTo({ top: Math.max(0, heading.offsetTop - 12), behavior: "smooth" });
  }, [active, preview.html]);

  // Debounced preview: only the newest answer is shown, however the requests overtake each other.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = ++request.current;
    const timer = setTimeout(async () => {
      const answer = await previewAction(narrative);
      if (id !== request.current) return;
      setPreview((current) =>
        answer.ok
          ? { html: answer.html, error: null, stale: false }
          : { ...current, error: answer.message, stale: false },
      );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [narrative, previewAction]);

  const update = (patch: Partial<EditableNarrative>) => {
    setNarrative((current) => ({ ...current, ...patch }));
    setPreview((current) => ({ ...current, stale: true }));
  };

  const changed =
    FIELDS.some(({ name }) => narrative[name] !== initial[name]) ||
    narrative.chosenOptionId !== initial.chosenOptionId ||
    title.trim() !== initialTitle;

  function save() {
    startSaving(async () => {
      const state = await saveAction({
        ...narrative,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(title.trim() !== initialTitle ? { title: title.trim() } : {}),
      });
      setSaveState(state);
    });
  }

  const fieldError = (name: string) => saveState.fieldErrors?.[name];

  return (
    <form
      className="grid gap-6 lg:grid-cols-2"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <div className="min-w-0 space-y-5">
        {undecidedReason ? (
          <Alert tone="warning" title="The vote did not choose an option">
            {undecidedReason} Pick the chosen option below and write the justification; the record cannot be
            accepted without both.
          </Alert>
        ) : null}

        <div className="space-y-1.5">
          <label htmlFor="record-title" className="block text-sm font-medium text-fg">
            Record title
          </label>
          <p id="record-title-hint" className="text-xs text-fg-muted">
            Name the problem and its solution, e.g. “Standardize on PyTorch for training”. The number stays in the
            file name; leave it empty to use the decision&apos;s title.
          </p>
          <input
            id="record-title"
            type="text"
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.target.value)}
            aria-describedby="record-title-hint"
            aria-invalid={fieldError("title") ? true : undefined}
            className={`${controlClasses} h-10`}
          />
          {fieldError("title") ? <FieldError>{fieldError("title")}</FieldError> : null}
        </div>

        <div className="space-y-1.5">
          <label htmlFor="chosenOptionId" className="block text-sm font-medium text-fg">
            Chosen option
          </label>
          <select
            id="chosenOptionId"
            value={narrative.chosenOptionId ?? ""}
            onChange={(event) => update({ chosenOptionId: event.target.value || null })}
            onFocus={() => setActive("chosenOptionId")}
            aria-invalid={fieldError("chosenOptionId") ? true : undefined}
            className={`${controlClasses} h-10`}
          >
            <option value="">
              {clearWinnerName ? `Let the vote decide (${clearWinnerName})` : "No option chosen yet"}
            </option>
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
          {fieldError("chosenOptionId") ? <FieldError>{fieldError("chosenOptionId")}</FieldError> : null}
        </div>

        {FIELDS.map((field) => {
          const error = fieldError(field.name);
          return (
            <div key={field.name} className="space-y-1.5">
              <label htmlFor={field.name} className="block text-sm font-medium text-fg">
                {field.label}
              </label>
              <textarea
                id={field.name}
                name={field.name}
                rows={field.rows}
                value={narrative[field.name]}
                onChange={(event) => update({ [field.name]: event.target.value })}
                onFocus={() => setActive(field.name)}
                spellCheck
                aria-invalid={error ? true : undefined}
                aria-describedby={`${field.name}-hint`}
                className={`${controlClasses} py-2 font-mono text-[13px] leading-relaxed`}
              />
              {error ? (
                <FieldError>{error}</FieldError>
              ) : (
                <p id={`${field.name}-hint`} className="text-xs text-fg-subtle">
                  {field.hint} Markdown.
                </p>
              )}
            </div>
          );
        })}

        <div className="space-y-1.5">
          <label htmlFor="note" className="block text-sm font-medium text-fg">
            What changed <span className="font-normal text-fg-subtle">(optional)</span>
          </label>
          <input
            id="note"
            value={note}
            maxLength={500}
            onChange={(event) => setNote(event.target.value)}
            placeholder="e.g. Added the pilot results"
            className={`${controlClasses} h-10`}
          />
          <p className="text-xs text-fg-subtle">Shown in the version list next to your name.</p>
        </div>

        {saveState.status === "error" && saveState.message ? <Alert>{saveState.message}</Alert> : null}
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="submit"
            disabled={saving || !changed}
            aria-disabled={saving || !changed}
            className={buttonClasses()}
          >
            {saving ? "Saving…" : "Save as new version"}
          </button>
          <Link href={cancelHref} className={buttonClasses({ variant: "ghost" })}>
            Cancel
          </Link>
          {!changed ? <span className="text-xs text-fg-subtle">No changes yet.</span> : null}
        </div>
      </div>

      <section aria-labelledby="preview-title" className="min-w-0">
        <div className="rounded-xl border border-line bg-surface shadow-xs lg:sticky lg:top-20">
          <div className="flex items-center justify-between gap-3 border-b border-line px-5 py-3">
            <h2 id="preview-title" className="text-sm font-semibold text-fg">
              Preview
            </h2>
            <span aria-live="polite" className="text-xs text-fg-subtle">
              {preview.stale ? "Updating…" : "Up to date"}
            </span>
          </div>
          {preview.error ? (
            <div className="px-5 pt-4">
              <Alert>{preview.error}</Alert>
            </div>
          ) : null}
          <div
            ref={previewBox}
            data-testid="record-preview"
            className="relative max-h-[75vh] overflow-y-auto px-5 py-4"
          >
            <SanitizedHtml html={preview.html} />
          </div>
        </div>
      </section>
    </form>
  );
}
