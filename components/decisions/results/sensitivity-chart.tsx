"use client";
// How far each criterion's weight must move to change the winner: |δ| in percentage points, with the
// fragile threshold marked. A criterion whose weight can move anywhere without a flip has no bar.
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { signedPoints } from "../format";
import { FRAGILE_BELOW_POINTS } from "@/lib/domain/thresholds";

export interface SensitivityRow {
  criterionId: string;
  name: string;
  delta: number | null;
}

const axisTick = { fill: "var(--fg-muted)", fontSize: 12 };

export function SensitivityChart({ rows }: { rows: SensitivityRow[] }) {
  const data = rows.map((row) => ({
    name: row.name,
    size: row.delta === null ? 0 : Math.abs(row.delta),
    label: row.delta === null ? "no change flips the winner" : signedPoints(row.delta),
    fragile: row.delta !== null && Math.abs(row.delta) < FRAGILE_BELOW_POINTS,
  }));
  const largest = Math.max(FRAGILE_BELOW_POINTS * 2, ...data.map((d) => d.size));
  const max = Math.ceil((largest * 1.35) / 5) * 5;
  const longest = Math.max(...rows.map((r) => r.name.length), 4);
  return (
    <div aria-hidden="true">
      <BarChart
        responsive
        layout="vertical"
        data={data}
        style={{ width: "100%", height: Math.max(140, rows.length * 40 + 56) }}
        margin={{ top: 20, right: 12, bottom: 4, left: 4 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke="var(--line)" />
        <XAxis type="number" domain={[0, max]} tick={axisTick} stroke="var(--line-strong)" unit=" pts" />
        <YAxis type="category" dataKey="name" width={Math.min(150, longest * 7.5 + 12)} tick={axisTick} stroke="var(--line-strong)" />
        <Tooltip
          cursor={{ fill: "var(--surface-muted)" }}
          contentStyle={{ background: "var(--surface-raised)", border: "1px solid var(--line)", borderRadius: 8, color: "var(--fg)", fontSize: 12 }}
          labelStyle={{ color: "var(--fg)", fontWeight: 600 }}
          formatter={(_value, _name, item) => [(item.payload as { label: string }).label, "Weight change that flips the winner"]}
        />
        <ReferenceLine
          x={FRAGILE_BELOW_POINTS}
          stroke="#f59e0b"
          strokeDasharray="4 3"
          strokeWidth={1.5}
          label={{ value: `${FRAGILE_BELOW_POINTS} pts: fragile below`, position: "top", fill: "var(--warning-text)", fontSize: 11 }}
        />
        <Bar dataKey="size" isAnimationActive={false} radius={[0, 4, 4, 0]} maxBarSize={22}>
          {data.map((d) => (
            <Cell key={d.name} fill={d.fragile ? "#f59e0b" : "var(--accent)"} />
          ))}
          <LabelList dataKey="label" position="right" fill="var(--fg-muted)" fontSize={11} />
        </Bar>
      </BarChart>
    </div>
  );
}
