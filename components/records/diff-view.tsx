// Two versions of a record side by side: removed lines on the left, added lines on the right.
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
    <div className="overflow-x-auto rounded-xl border border-line bg-surface shadow-xs">
      <table className="w-full min-w-[48rem] table-fixed border-collapse font-mono text-[12.5px] leading-5">
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
