"use client";
// Wide screens: one row per option, one column per criterion; scrolls sideways if it must. An open
// rationale takes a full-width row under its option.
import { Fragment, type ComponentProps, type ReactNode } from "react";
import { percent } from "../format";
import { ScoreCell } from "../score-cell";
import type { BallotCell, BallotCriterion, BallotOption } from "./use-ballot-state";

export function ScoreTable({
  options,
  criteria,
  cells,
  importanceOf,
  openNoteKey,
  cellProps,
  notePanel,
}: {
  options: BallotOption[];
  criteria: BallotCriterion[];
  cells: BallotCell[];
  /** In VOTED mode, the voter's importance for a criterion's column head; null in FIXED mode. */
  importanceOf: ((criterionId: string) => string) | null;
  /** The cell whose rationale is open in this layout, if any. */
  openNoteKey: string | null;
  cellProps: (cell: BallotCell) => ComponentProps<typeof ScoreCell>;
  notePanel: (cell: BallotCell) => ReactNode;
}) {
  return (
    <div className="relative hidden overflow-x-auto sm:block">
      <table
        className="w-full table-fixed border-separate border-spacing-0 text-sm"
        // Equal criterion columns; below this width the table scrolls sideways, option names stay put.
        style={{ minWidth: `${10 + criteria.length * 5.5}rem` }}
      >
        <caption className="sr-only">
          Ballot matrix: options in rows, criteria in columns. Arrow keys move between cells, digits score, A or minus
          abstains, Backspace clears, R opens the rationale, Enter goes to the next cell.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 z-10 w-40 border-b border-line bg-surface px-4 py-3 text-left text-xs font-semibold text-fg-muted">
              Option
            </th>
            {criteria.map((criterion) => (
              <th
                key={criterion.id}
                scope="col"
                title={criterion.description || undefined}
                className="border-b border-line px-2 py-3 text-center align-bottom text-xs font-semibold text-fg last:pr-4"
              >
                <span className="line-clamp-3 break-words">{criterion.name}</span>
                {criterion.weightShare !== null ? (
                  <span className="mt-0.5 block font-normal text-fg-subtle tabular-nums">{percent(criterion.weightShare, 0)}</span>
                ) : importanceOf ? (
                  <span className="mt-0.5 block font-normal text-fg-subtle tabular-nums">importance {importanceOf(criterion.id)}</span>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {options.map((option, oi) => {
            const rowCells = cells.filter((c) => c.oi === oi);
            const noteCell = rowCells.find((c) => c.key === openNoteKey);
            return (
              <Fragment key={option.id}>
                <tr>
                  <th
                    scope="row"
                    title={option.description || undefined}
                    className="sticky left-0 z-10 border-b border-line bg-surface px-4 py-2 text-left font-medium break-words text-fg"
                  >
                    {option.name}
                  </th>
                  {rowCells.map((cell) => (
                    <td key={cell.key} className="border-b border-line px-1.5 py-2 last:pr-4">
                      <ScoreCell {...cellProps(cell)} className="mx-auto max-w-20" />
                    </td>
                  ))}
                </tr>
                {noteCell ? (
                  <tr>
                    <td colSpan={criteria.length + 1} className="border-b border-line bg-surface-muted/60 px-4 py-3">
                      {notePanel(noteCell)}
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
