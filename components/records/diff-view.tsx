// Two versions of a record side by side: removed lines on the left, added lines on the right. Phones
// get the same rows stacked (each removed line above the line that replaced it), since two columns of
// prose do not fit in 390 px.
import type { DiffRow, FoldedRow } from "@/lib/domain/line-diff";

const CELL_TONE = {
  same: "",
  removed: "bg-rose-50 text-rose-900 dark:bg-rose-500/10 dark:text-rose-200",
  added: "bg-emerald-50 text-emerald-900 dark:bg-emerald-500/10 dark:text-emerald-200",
} as const;

const MARK = { same: " ", removed: "−", added: "+" } as const;

export function DiffView({
  rows,
  leftLabel,
  rightLabel,
}: {
  rows: FoldedRow[];
  leftLabel: string;
  rightLabel: string;
}) {
  return (
    <>
      <StackedDiff rows={rows} leftLabel={leftLabel} rightLabel={rightLabel} />
      <SideBySide rows={rows} leftLabel={leftLabel} rightLabel={rightLabel} />
    </>
  );
}

function StackedDiff({ rows, leftLabel, rightLabel }: { rows: FoldedRow[]; leftLabel: string; rightLabel: string }) {
  return (
    <div className="overflow-hidden rounded-xl border border-line bg-surface shadow-xs sm:hidden" data-testid="diff-stacked">
      <p className="border-b border-line bg-surface-muted px-3 py-2 text-xs text-fg-muted">
        <span className="font-medium text-danger-text">−</span> {leftLabel}
        <br />
        <span className="font-medium text-success-text">+</span> {rightLabel}
      </p>
      <ol className="font-mono text-[12.5px] leading-5">
        {rows.flatMap((row, index) => {
          if ("fold" in row) {
            return [
              <li key={index} className="border-y border-line bg-surface-muted/60 px-3 py-1 font-sans text-xs text-fg-muted">
                ⋯ {row.fold} unchanged {row.fold === 1 ? "line" : "lines"}
              </li>,
            ];
          }
          const sides = row.left && row.right && row.left.kind === "same" ? [row.left] : [row.left, row.right];
          return sides.flatMap((side, sideIndex) =>
            side
              ? [
                  <li key={`${index}-${sideIndex}`} className={`${CELL_TONE[side.kind]} px-2 break-words whitespace-pre-wrap`}>
                    <span aria-hidden="true" className="mr-1 text-fg-muted select-none">
                      {MARK[side.kind]}
                    </span>
                    <span className="sr-only">{side.kind === "same" ? "" : `${side.kind}: `}</span>
                    {side.text || "\u00a0"}
                  </li>,
                ]
              : [],
          );
        })}
      </ol>
    </div>
  );
}

function SideBySide({ rows, leftLabel, rightLabel }: { rows: FoldedRow[]; leftLabel: string; rightLabel: string }) {
  return (
    <div
      className="hidden overflow-x-auto rounded-xl border border-line bg-surface shadow-xs sm:block"
      role="region"
      aria-label="Line differences, side by side"
      tabIndex={0}
    >
      <table className="w-full min-w-[40rem] table-fixed border-collapse font-mono text-[12.5px] leading-5">
        <caption className="sr-only">
          Line differences between {leftLabel} and {rightLabel}. Removed lines are marked with a minus, added
          lines with a plus.
        </caption>
        <colgroup>
          <col className="w-12" />
          <col />
          <col className="w-12" />
          <col />
        </colgroup>
        <thead>
          <tr className="border-b border-line bg-surface-muted font-sans text-xs text-fg-muted">
            <th scope="col" colSpan={2} className="px-3 py-2 text-left font-medium">
              {leftLabel}
            </th>
            <th scope="col" colSpan={2} className="border-l border-line px-3 py-2 text-left font-medium">
              {rightLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) =>
            "fold" in row ? (
              <tr key={index}>
                <td
                  colSpan={4}
                  className="border-y border-line bg-surface-muted/60 px-3 py-1 font-sans text-xs text-fg-subtle"
                >
                  ⋯ {row.fold} unchanged {row.fold === 1 ? "line" : "lines"}
                </td>
              </tr>
            ) : (
              <tr key={index} className="align-top">
                <Side side={row.left} />
                <Side side={row.right} divider />
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

function Side({ side, divider = false }: { side: DiffRow["left"] | DiffRow["right"]; divider?: boolean }) {
  const border = divider ? "border-l border-line" : "";
  if (!side) {
    return (
      <>
        <td className={`${border} bg-surface-muted/40`} />
        <td className="bg-surface-muted/40" />
      </>
    );
  }
  return (
    <>
      <td className={`${border} ${CELL_TONE[side.kind]} px-2 text-right text-fg-subtle select-none`}>
        {side.line}
      </td>
      <td className={`${CELL_TONE[side.kind]} px-2 whitespace-pre-wrap break-words`}>
        <span aria-hidden="true" className="mr-1 select-none text-fg-subtle">
          {MARK[side.kind]}
        </span>
        <span className="sr-only">{side.kind === "same" ? "" : `${side.kind}: `}</span>
        {side.text || "\u00a0"}
      </td>
    </>
  );
}
