"use client";
// Phones: one card per option, its criteria stacked, each with its own Abstain and Rationale buttons
// (there is no keyboard shortcut to lean on).
import type { ComponentProps, ReactNode } from "react";
import { percent } from "../format";
import { ScoreCell, type CellValue } from "../score-cell";
import type { BallotCell, BallotOption } from "./use-ballot-state";

export function ScoreCards({
  options,
  cells,
  valueOf,
  hasNote,
  openNoteKey,
  cellProps,
  notePanel,
  onChange,
  onToggleNote,
}: {
  options: BallotOption[];
  cells: BallotCell[];
  valueOf: (key: string) => CellValue;
  hasNote: (key: string) => boolean;
  openNoteKey: string | null;
  cellProps: (cell: BallotCell) => ComponentProps<typeof ScoreCell>;
  notePanel: (cell: BallotCell) => ReactNode;
  onChange: (key: string, value: CellValue) => void;
  onToggleNote: (key: string) => void;
}) {
  return (
    <div className="space-y-4 p-3 sm:hidden">
      {options.map((option, oi) => (
        <fieldset key={option.id} className="rounded-lg border border-line">
          <legend className="sr-only">{option.name}</legend>
          <div aria-hidden="true" className="rounded-t-lg border-b border-line bg-surface-muted/60 px-3 py-2 text-sm font-semibold text-fg">
            {option.name}
          </div>
          <ul className="divide-y divide-line">
            {cells
              .filter((c) => c.oi === oi)
              .map((cell) => {
                const value = valueOf(cell.key);
                const noteOpen = openNoteKey === cell.key;
                const withNote = hasNote(cell.key);
                return (
                  <li key={cell.key} className="px-3 py-2.5">
                    <div className="flex items-center gap-2">
                      <span className="min-w-0 flex-1 text-sm break-words text-fg">
                        {cell.criterion.name}
                        {cell.criterion.weightShare !== null ? (
                          <span className="ml-1 text-xs text-fg-subtle tabular-nums">{percent(cell.criterion.weightShare, 0)}</span>
                        ) : null}
                      </span>
                      <ScoreCell {...cellProps(cell)} noteButton={false} className="w-16 shrink-0" />
                      <button
                        type="button"
                        aria-pressed={value === null}
                        aria-label={`Abstain: ${cell.option.name} on ${cell.criterion.name}`}
                        onClick={() => onChange(cell.key, value === null ? undefined : null)}
                        className={`h-10 shrink-0 rounded-md border px-2 text-xs font-medium ${
                          value === null ? "border-accent bg-accent-soft text-accent-text" : "border-line-strong text-fg-muted"
                        }`}
                      >
                        Abstain
                      </button>
                      <button
                        type="button"
                        aria-expanded={noteOpen}
                        aria-label={`Rationale: ${cell.option.name} on ${cell.criterion.name}`}
                        onClick={() => onToggleNote(cell.key)}
                        className={`flex size-10 shrink-0 items-center justify-center rounded-md border ${
                          withNote ? "border-accent bg-accent-soft text-accent-text" : "border-line-strong text-fg-muted"
                        }`}
                      >
                        <svg viewBox="0 0 16 16" className="size-4" fill="currentColor" aria-hidden="true">
                          <path d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3 3v-3h-.5A1.5 1.5 0 0 1 2 9.5v-6Z" />
                        </svg>
                      </button>
                    </div>
                    {noteOpen ? <div className="mt-3">{notePanel(cell)}</div> : null}
                  </li>
                );
              })}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}
