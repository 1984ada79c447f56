// The ranking: rank, total out of 100, coverage and the Borda cross-check, winner first.
import type { ResultOption } from "@/lib/domain/aggregation";
import { Badge } from "@/components/badge";
import { FlagBadge } from "../status-badge";
import { outOf100, percent } from "../format";

export function RankingTable({ options, winners, maxBorda }: { options: ResultOption[]; winners: string[]; maxBorda: number }) {
  const shared = new Map<number, number>();
  for (const option of options) shared.set(option.rank, (shared.get(option.rank) ?? 0) + 1);
  return (
    <div className="relative overflow-x-auto" role="region" aria-label="Ranking" tabIndex={0}>
      {/* Narrow enough for a phone: every column, Coverage and Borda included, fits in 390 px. */}
      <table className="w-full text-sm">
        <caption className="sr-only">Ranking of the options by weighted total, with coverage and Borda points.</caption>
        <thead>
          <tr className="border-b border-line text-left text-xs text-fg-muted">
            <th scope="col" className="w-10 py-2.5 pr-2 pl-4 font-semibold sm:w-14 sm:px-5">
              Rank
            </th>
            <th scope="col" className="px-2 py-2.5 font-semibold sm:px-3">
              Option
            </th>
            <th scope="col" className="px-2 py-2.5 font-semibold sm:px-3">
              Total <span className="hidden font-normal sm:inline">(0–100)</span>
            </th>
            <th scope="col" className="px-2 py-2.5 text-right font-semibold sm:px-3">
              Coverage
            </th>
            <th scope="col" className="py-2.5 pr-4 pl-2 text-right font-semibold sm:px-5">
              Borda
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {options.map((option) => {
            const winner = winners.includes(option.optionId);
            const tied = (shared.get(option.rank) ?? 0) > 1;
            return (
              <tr key={option.optionId} className={winner ? "bg-accent-soft/60" : undefined}>
                <td className="py-3 pr-2 pl-4 font-semibold text-fg tabular-nums sm:px-5">
                  {option.total === null ? "—" : `${option.rank}${tied ? "=" : ""}`}
                  {tied ? <span className="sr-only"> (shared)</span> : null}
                </td>
                <th scope="row" className="px-2 py-3 text-left font-medium text-fg sm:px-3">
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="break-words">{option.name}</span>
                    {winner ? <Badge className="bg-accent text-accent-fg ring-transparent">{tied ? "Tied winner" : "Winner"}</Badge> : null}
                    {option.incomplete ? <FlagBadge flag="incomplete" /> : null}
                  </span>
                </th>
                <td className="px-2 py-3 sm:px-3">
                  {option.total === null ? (
                    <span className="text-fg-subtle">No scores</span>
                  ) : (
                    <span className="flex items-center gap-3">
                      <span className="text-right font-semibold text-fg tabular-nums sm:w-10">{outOf100(option.total)}</span>
                      <span aria-hidden="true" className="hidden h-2 min-w-16 flex-1 overflow-hidden rounded-full bg-surface-muted sm:block">
                        <span className={`block h-full rounded-full ${winner ? "bg-accent" : "bg-fg-subtle/60"}`} style={{ width: `${option.total * 100}%` }} />
                      </span>
                    </span>
                  )}
                </td>
                <td className={`px-2 py-3 text-right tabular-nums sm:px-3 ${option.coverage < 1 ? "font-medium text-warning-text" : "text-fg-muted"}`}>
                  {percent(option.coverage, 0)}
                </td>
                <td className="py-3 pr-4 pl-2 text-right text-fg-muted tabular-nums sm:px-5">
                  {option.borda % 1 === 0 ? option.borda : option.borda.toFixed(1)}
                  <span className="sr-only"> of {maxBorda} possible</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
