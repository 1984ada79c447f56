"use client";
// Each option's total as a stack of what each criterion contributes: W(c)·ŝ(o,c)/coverage(o), out of 100.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { seriesColor } from "../format";

export interface ContributionRow {
  optionId: string;
  name: string;
  /** criterionId → contribution in points (0–100 scale); missing when the cell was not scored. */
  parts: Record<string, number>;
}

const axisTick = { fill: "var(--fg-muted)", fontSize: 12 };

export function ContributionChart({ rows, criteria }: { rows: ContributionRow[]; criteria: { id: string; name: string }[] }) {
  const data = rows.map((row) => ({ name: row.name, ...row.parts }));
  const longest = Math.max(...rows.map((r) => r.name.length), 4);
  return (
    <div aria-hidden="true">
      <BarChart
        responsive
        layout="vertical"
        data={data}
        style={{ width: "100%", height: Math.max(160, rows.length * 46 + 90) }}
        margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke="var(--line)" />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={axisTick} stroke="var(--line-strong)" />
        <YAxis type="category" dataKey="name" width={Math.min(160, longest * 7.5 + 12)} tick={axisTick} stroke="var(--line-strong)" />
        <Tooltip
          cursor={{ fill: "var(--surface-muted)" }}
          contentStyle={{ background: "var(--surface-raised)", border: "1px solid var(--line)", borderRadius: 8, color: "var(--fg)", fontSize: 12 }}
          labelStyle={{ color: "var(--fg)", fontWeight: 600 }}
          formatter={(value) => (typeof value === "number" ? `${value.toFixed(1)} pts` : String(value))}
        />
        <Legend wrapperStyle={{ fontSize: 12, color: "var(--fg-muted)" }} iconType="circle" iconSize={8} itemSorter={null} />
        {criteria.map((criterion, index) => (
          <Bar key={criterion.id} dataKey={criterion.id} name={criterion.name} stackId="total" fill={seriesColor(index)} isAnimationActive={false} />
        ))}
      </BarChart>
    </div>
  );
}
