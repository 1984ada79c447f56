"use client";
// Rank acceptability as one stacked bar per option: how much of the plausible variations put it 1st,
// 2nd, … The first rank is drawn in the accent colour, later ranks fade toward the background, so "mostly first" reads at a glance.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ordinal } from "./acceptability-format";

export interface AcceptabilityRow {
  optionId: string;
  name: string;
  rankProbabilities: number[];
}

const axisTick = { fill: "var(--fg-muted)", fontSize: 12 };

/** The accent for 1st, fading toward the surface for later ranks; a colour, so the legend matches. */
function rankFill(rank: number, ranks: number): string {
  const strength = ranks <= 1 ? 100 : Math.round(100 - (80 * rank) / (ranks - 1));
  return `color-mix(in srgb, var(--accent) ${strength}%, var(--surface))`;
}

export function AcceptabilityChart({ rows }: { rows: AcceptabilityRow[] }) {
  const ranks = rows[0]?.rankProbabilities.length ?? 0;
  const data = rows.map((row) => ({
    name: row.name,
    ...Object.fromEntries(row.rankProbabilities.map((p, r) => [`rank${r + 1}`, p * 100])),
  }));
  const longest = Math.max(...rows.map((r) => r.name.length), 4);
  return (
    <div aria-hidden="true" data-testid="acceptability-chart">
      <BarChart
        responsive
        layout="vertical"
        data={data}
        style={{ width: "100%", height: Math.max(150, rows.length * 42 + 90) }}
        margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke="var(--line)" />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={axisTick} stroke="var(--line-strong)" unit="%" />
        <YAxis type="category" dataKey="name" width={Math.min(160, longest * 7.5 + 12)} tick={axisTick} stroke="var(--line-strong)" />
        <Tooltip
          cursor={{ fill: "var(--surface-muted)" }}
          contentStyle={{ background: "var(--surface-raised)", border: "1px solid var(--line)", borderRadius: 8, color: "var(--fg)", fontSize: 12 }}
          labelStyle={{ color: "var(--fg)", fontWeight: 600 }}
          formatter={(value) => (typeof value === "number" ? `${value.toFixed(1)}%` : String(value))}
        />
        <Legend wrapperStyle={{ fontSize: 12, color: "var(--fg-muted)" }} iconType="circle" iconSize={8} itemSorter={null} />
        {Array.from({ length: ranks }, (_, r) => (
          <Bar
            key={r}
            dataKey={`rank${r + 1}`}
            name={`${ordinal(r + 1)}`}
            stackId="ranks"
            fill={rankFill(r, ranks)}
            stroke="var(--surface)"
            strokeWidth={1}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </div>
  );
}
