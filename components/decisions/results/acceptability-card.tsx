// The rank acceptability section: the stacked chart and a small table of the same shares.
import { Card, CardBody, CardHeader } from "@/components/card";
import { AcceptabilityChart, type AcceptabilityRow } from "./lazy-charts";
import { ordinal, share } from "./acceptability-format";

export function AcceptabilityCard({ rows, samples }: { rows: (AcceptabilityRow & { winProbability: number })[]; samples: number }) {
  const ranks = rows[0]?.rankProbabilities.length ?? 0;
  const shown = Math.min(ranks, 3);
  return (
    <Card as="section">
      <CardHeader
        level={3}
        title="Rank acceptability"
        description={`How often each option takes each rank across ${samples.toLocaleString("en")} plausible variations of the vote (weights and mean scores redrawn within their uncertainty).`}
      />
      <CardBody>
        <AcceptabilityChart rows={rows} />
        <div className="mt-4 overflow-x-auto rounded-lg border border-line">
          <table className="w-full text-left text-sm" data-testid="acceptability-table">
            <caption className="sr-only">Share of plausible variations in which each option takes each rank.</caption>
            <thead className="bg-surface-muted/60 text-xs text-fg-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Option
                </th>
                {Array.from({ length: shown }, (_, r) => (
                  <th key={r} scope="col" className="px-3 py-2 text-right font-semibold">
                    {ordinal(r + 1)}
                  </th>
                ))}
                {ranks > shown ? (
                  <th scope="col" className="px-3 py-2 text-right font-semibold">
                    Lower
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.map((row) => (
                <tr key={row.optionId}>
                  <th scope="row" className="px-3 py-2 font-medium text-fg">
                    {row.name}
                  </th>
                  {row.rankProbabilities.slice(0, shown).map((p, r) => (
                    <td key={r} className="px-3 py-2 text-right text-fg tabular-nums">
                      {share(p)}
                    </td>
                  ))}
                  {ranks > shown ? (
                    <td className="px-3 py-2 text-right text-fg-muted tabular-nums">
                      {share(row.rankProbabilities.slice(shown).reduce((sum, p) => sum + p, 0))}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </CardBody>
    </Card>
  );
}
