"use client";
// The rationale of one cell, opened under it: quick score buttons for short scales and a text box
// that Esc closes, returning focus to the cell.
import { buttonClasses } from "@/components/button";
import { controlClasses } from "@/components/field";
import { displayValue } from "../format";
import type { CellValue } from "../score-cell";

export function NotePanel({
  textareaRef,
  id,
  option,
  criterion,
  value,
  score,
  scale,
  quickScores,
  onChange,
  onScore,
  onClose,
}: {
  textareaRef: React.Ref<HTMLTextAreaElement>;
  id: string;
  option: string;
  criterion: string;
  value: string;
  score: CellValue;
  scale: { min: number; max: number };
  quickScores: boolean;
  onChange: (text: string) => void;
  onScore: (value: CellValue) => void;
  onClose: () => void;
}) {
  const pill = (active: boolean) =>
    `inline-flex h-8 min-w-8 items-center justify-center rounded-md border px-2 text-xs font-semibold tabular-nums transition-colors ${
      active ? "border-accent bg-accent text-accent-fg" : "border-line-strong bg-surface text-fg hover:bg-surface-muted"
    }`;
  return (
    // Scroll margins: the sticky app bar above (3.5 rem, more on phones) and the submit bar below.
    <div data-note-panel className="scroll-mt-32 scroll-mb-48 space-y-3">
      {quickScores ? (
        <div role="group" aria-label={`Score for ${option} on ${criterion}`} className="flex flex-wrap items-center gap-1">
          {Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i).map((n) => (
            <button key={n} type="button" tabIndex={-1} aria-pressed={score === n} onClick={() => onScore(n)} className={pill(score === n)}>
              {n}
            </button>
          ))}
          <button type="button" tabIndex={-1} aria-pressed={score === null} onClick={() => onScore(null)} className={pill(score === null)}>
            Abstain
          </button>
          <span className="ml-1 text-xs text-fg-subtle">Current: {displayValue(score) || "blank"}</span>
        </div>
      ) : null}
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-fg">
          Rationale for {option} on {criterion}
        </label>
        <textarea
          ref={textareaRef}
          id={id}
          value={value}
          maxLength={2000}
          rows={2}
          placeholder="Why this score? Evidence, experience, a link…"
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.preventDefault();
              onClose();
            }
          }}
          className={`${controlClasses} mt-1.5 py-2`}
        />
      </div>
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs text-fg-subtle">
          <span className="hidden sm:inline">Esc returns to the matrix.</span>
        </span>
        <button type="button" onClick={onClose} className={buttonClasses({ variant: "secondary", size: "sm" })}>
          Done
        </button>
      </div>
    </div>
  );
}
