// The numbers behind a chart, for screen readers and for anyone who prefers a table: collapsed by default.
import type { ReactNode } from "react";

export function ChartDataTable({
  summary,
  caption,
  columns,
  rows,
}: {
  summary: string;
  caption: string;
  columns: string[];
  rows: ReactNode[][];
}) {
  return (
    <details className="group mt-4 rounded-lg border border-line text-sm">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-3 py-2 text-fg-muted select-none hover:bg-surface-muted hover:text-fg [&::-webkit-details-marker]:hidden">
        <svg viewBox="0 0 24 24" className="size-4 transition-transform group-open:rotate-90" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true">
          <path d="m9 6 6 6-6 6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {summary}
      </summary>
      <div className="relative overflow-x-auto border-t border-line">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-surface-muted/60 text-xs text-fg-muted">
            <tr>
              {columns.map((column, i) => (
                <th key={column} scope="col" className={`px-3 py-2 font-semibold ${i > 0 ? "text-right" : ""}`}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="px-3 py-2 font-medium text-fg">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className="px-3 py-2 text-right text-fg tabular-nums">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
