"use client";
// The results charts, fetched only by a page that draws them and only after it is interactive: the
// chart library (recharts) stays out of every route's first-load JavaScript. Until a chart arrives, an
// empty box of its height holds its place; the data tables beside each chart carry the same figures.
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { AcceptabilityChart as AcceptabilityChartType } from "./acceptability-chart";
import type { ContributionChart as ContributionChartType } from "./contribution-chart";
import type { SensitivityChart as SensitivityChartType } from "./sensitivity-chart";

export type { AcceptabilityRow } from "./acceptability-chart";
export type { ContributionRow } from "./contribution-chart";
export type { SensitivityRow } from "./sensitivity-chart";

const LazyContribution = dynamic(() => import("./contribution-chart").then((m) => m.ContributionChart), {
  ssr: false,
  loading: () => null,
});
const LazySensitivity = dynamic(() => import("./sensitivity-chart").then((m) => m.SensitivityChart), {
  ssr: false,
  loading: () => null,
});
const LazyAcceptability = dynamic(() => import("./acceptability-chart").then((m) => m.AcceptabilityChart), {
  ssr: false,
  loading: () => null,
});

// The heights follow each chart's own sizing, so the page does not jump when the chart replaces them.
export function ContributionChart(props: ComponentProps<typeof ContributionChartType>) {
  return (
    <div style={{ minHeight: Math.max(160, props.rows.length * 46 + 90) }}>
      <LazyContribution {...props} />
    </div>
  );
}

export function SensitivityChart(props: ComponentProps<typeof SensitivityChartType>) {
  return (
    <div style={{ minHeight: Math.max(140, props.rows.length * 40 + 56) }}>
      <LazySensitivity {...props} />
    </div>
  );
}

export function AcceptabilityChart(props: ComponentProps<typeof AcceptabilityChartType>) {
  return (
    <div style={{ minHeight: Math.max(150, props.rows.length * 42 + 90) }}>
      <LazyAcceptability {...props} />
    </div>
  );
}
