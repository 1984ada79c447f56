// Mean score of every option × criterion cell, shaded by its normalized mean. Disputed cells (voters
// disagree: standard deviation above a quarter of the scale) carry a mark; each cell's title and hidden
// text give n, abstentions and the spread.
import type { ResultCell } from "@/lib/domain/aggregation";
import { decimal } from "../format";
import { heatColor, heatGradient, textColorOn } from "./heatmap-colors";

function describe(cell: ResultCell, option: string, criterion: string) {
  if (cell.n === 0) return `${option} on ${criterion}: nobody scored this cell${cell.abstentions ? ` (${cell.abstentions} abstained)` : ""}.`;
  const parts = [
    `${option} on ${criterion}: mean ${decimal(cell.mean, 2)}`,
    `median ${decimal(cell.median, 1)}`,
    `standard deviation ${decimal(cell.stdev, 2)}`,
    `range ${decimal(cell.min, 0)} to ${decimal(cell.max, 0)}`,
    `${cell.n} score${cell.n === 1 ? "" : "s"}, ${cell.abstentions} abstention${cell.abstentions === 1 ? "" : "s"}`,
  ];
  return `${parts.join(", ")}${cell.disputed ? ". Disputed: voters disagree." : "."}`;
}

export function DisputedMark({ className = "size-3.5" }: { className?: string }) {
  return (
    <svg viewBox="0 0 16 16" className={className} aria-hidden="true">
      <path d="M8 1.5 15 14H1L8 1.5Z" fill="#f59e0b" stroke="#b45309" strokeWidth="1" strokeLinejoin="round" />
      <path d="M8 6v3.5" stroke="#451a03" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="8" cy="11.6" r="0.9" fill="#451a03" />
    </svg>
  );
}

export function Heatmap({
  options,
  criteria,
  cells,
  scale,
}: {
  options: { optionId: string; name: string }[];
  criteria: { id: string; name: string }[];
  cells: ResultCell[];
  scale: { min: number; max: number };
}) {
  const byKey = new Map(cells.map((c) => [`${c.optionId}|${c.criterionId}`, c]));
  const disputed = cells.filter((c) => c.disputed).length;
  return (
    <div>
      {criteria.length > 2 ? (
        <p className="mb-2 flex items-center gap-1.5 text-xs text-fg-muted sm:hidden" data-testid="heatmap-scroll-hint">
          <span aria-hidden="true">↔</span> Swipe sideways to see all {criteria.length} criteria.
        </p>
      ) : null}
      {/* Focusable, so keyboard users can scroll it too; labelled, so they know what they scroll. */}
      <div
        className="relative overflow-x-auto rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        role="region"
        aria-label="Scores per cell, scrolls sideways"
        tabIndex={0}
      >
        <table
          className="w-full table-fixed border-separate border-spacing-1 text-sm"
          style={{ minWidth: `${8.5 + criteria.length * 6.5}rem` }}
        >
          <caption className="sr-only">
            Mean score per option and criterion on the scale {scale.min} to {scale.max}. Disputed cells are marked.
          </caption>
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 z-10 w-32 bg-surface px-2 py-2 text-left text-xs font-semibold text-fg-muted sm:w-40">
                Option
              </th>
              {criteria.map((criterion) => (
                <th key={criterion.id} scope="col" className="px-1 py-2 text-center align-bottom text-xs font-semibold text-fg">
                  <span className="line-clamp-3 [overflow-wrap:normal] hyphens-manual">{criterion.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {options.map((option) => (
              <tr key={option.optionId}>
                <th scope="row" className="sticky left-0 z-10 bg-surface px-2 text-left font-medium break-words text-fg">
                  {option.name}
                </th>
                {criteria.map((criterion) => {
                  const cell = byKey.get(`${option.optionId}|${criterion.id}`);
                  if (!cell) return <td key={criterion.id} />;
                  const text = describe(cell, option.name, criterion.name);
                  const background = cell.normalized === null ? null : heatColor(cell.normalized);
                  const ink = background === null ? null : textColorOn(background);
                  return (
                    <td
                      key={criterion.id}
                      title={text}
                      data-heat-cell
                      className={`relative h-12 rounded-md text-center tabular-nums ${
                        background === null ? "border border-dashed border-line-strong text-fg-muted" : ""
                      } ${cell.disputed ? "outline-2 -outline-offset-2 outline-amber-500" : ""}`}
                      style={background === null ? undefined : { backgroundColor: background, color: ink! }}
                    >
                      <span aria-hidden="true" className="block text-[15px] font-semibold">
                        {cell.normalized === null ? "—" : decimal(cell.mean, 1)}
                      </span>
                      <span aria-hidden="true" className="block text-[11px]">
                        n={cell.n}
                        {cell.abstentions ? ` · ${cell.abstentions} abst.` : ""}
                      </span>
                      {cell.disputed ? (
                        <span className="absolute top-1 right-1">
                          <DisputedMark className="size-3.5" />
                        </span>
                      ) : null}
                      <span className="sr-only">{text}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-2 text-xs text-fg-muted">
        <span className="inline-flex items-center gap-2">
          <span className="tabular-nums">{scale.min}</span>
          <span aria-hidden="true" className="h-2.5 w-28 rounded-full" style={{ background: heatGradient() }} />
          <span className="tabular-nums">{scale.max}</span>
          <span>mean score</span>
        </span>
        <span className="inline-flex items-center gap-1.5">
          <DisputedMark />
          Disputed: scores spread more than a quarter of the scale{disputed ? ` (${disputed})` : " (none)"}
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-3 w-4 rounded-sm border border-dashed border-line-strong" />
          Nobody scored
        </span>
        <span>Hover a cell for its spread.</span>
      </div>
    </div>
  );
}
