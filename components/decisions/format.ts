// The words and number formats of decisions and results, shared by server and client components.
import type { ResultFlag } from "@/lib/domain/aggregation";
import { FRAGILE_BELOW_POINTS } from "@/lib/domain/thresholds";

// The words for stored values live in components/labels.ts; decision pages keep importing them from here.
export { REVEAL_LABEL, STATUS_LABEL, WEIGHT_MODE_LABEL } from "../labels";

/** A fraction in [0, 1] as "42.5%". */
export function percent(fraction: number, digits = 1) {
  return `${(fraction * 100).toFixed(digits).replace(/\.0+$/, "")}%`;
}

/** A total (fraction) as a score out of 100: "72.4". */
export const outOf100 = (fraction: number) => (fraction * 100).toFixed(1);

/** Percentage points with their sign: "+3.2 pts", "−7 pts". */
export function signedPoints(points: number) {
  const rounded = Math.round(points * 10) / 10;
  const sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "±";
  return `${sign}${Math.abs(rounded).toFixed(1)} pts`;
}

export const decimal = (value: number | null, digits = 1) => (value === null ? "—" : value.toFixed(digits).replace(/\.0+$/, ""));

/** Crisp words for Kendall's W (after the usual readings of the coefficient). */
export function agreementReading(w: number | null) {
  if (w === null) return "Needs at least two voters and two options.";
  if (w >= 0.9) return "Very strong agreement: voters rank the options almost identically.";
  if (w >= 0.7) return "Strong agreement between the voters' rankings.";
  if (w >= 0.5) return "Moderate agreement between the voters' rankings.";
  if (w >= 0.3) return "Weak agreement: voters rank the options rather differently.";
  return "Little or no agreement: voters' rankings largely disagree.";
}

export const FLAG_LABEL: Record<ResultFlag, string> = {
  tie: "Tie",
  contested: "Contested",
  fragile: "Fragile",
  incomplete: "Incomplete",
  median_disagrees: "Medians differ",
};

export const FLAG_EXPLANATION: Record<ResultFlag, string> = {
  tie: "Two or more options share the top total. There is no hidden tie-break: the team has to choose.",
  contested:
    "The Borda count (each voter's own ranking) picks a different winner than the weighted sum. Look at who ranked what before deciding.",
  fragile: `Moving one criterion's weight by fewer than ${FRAGILE_BELOW_POINTS} percentage points would change the winner.`,
  incomplete:
    "At least one option has cells nobody scored. Its total uses only the scored criteria; its coverage shows how much weight that is.",
  median_disagrees:
    "Ranked by each cell's median score instead of its mean, a different option wins: a few extreme scores may be deciding the result.",
};

export const FLAG_TONE: Record<ResultFlag, string> = {
  tie: "bg-sky-50 text-sky-800 ring-sky-600/25 dark:bg-sky-500/15 dark:text-sky-300 dark:ring-sky-400/25",
  contested: "bg-rose-50 text-rose-800 ring-rose-600/25 dark:bg-rose-500/15 dark:text-rose-300 dark:ring-rose-400/25",
  fragile: "bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-500/15 dark:text-amber-300 dark:ring-amber-400/25",
  incomplete: "bg-zinc-100 text-zinc-700 ring-zinc-500/25 dark:bg-zinc-500/15 dark:text-zinc-300 dark:ring-zinc-400/25",
  median_disagrees: "bg-violet-50 text-violet-800 ring-violet-600/25 dark:bg-violet-500/15 dark:text-violet-300 dark:ring-violet-400/25",
};

/** Distinct colours for criteria in charts, readable on light and dark backgrounds. */
const PALETTE = ["#6366f1", "#0ea5e9", "#10b981", "#f59e0b", "#ef4444", "#8b5cf6", "#14b8a6", "#ec4899", "#84cc16", "#f97316"];

export function seriesColor(index: number) {
  if (index < PALETTE.length) return PALETTE[index]!;
  // Beyond the palette: spread hues by the golden angle so neighbours still differ.
  return `hsl(${Math.round((index * 137.508) % 360)} 65% 52%)`;
}

/** ADR-0007 style key. */
/** A decision's own number (`D-12`); its record, once written, has an ADR number of its own. */
export const decisionKey = (number: number) => `D-${number}`;

/** A ballot cell as text: blank, an en dash for an abstention, or the score. */
export function displayValue(value: number | null | undefined) {
  return value === undefined ? "" : value === null ? "–" : String(value);
}

/** A background tint from red (low) to green (high), faint enough for text on light and dark. */
export function scoreTint(value: number | null | undefined, scale: { min: number; max: number }) {
  if (value === undefined || value === null) return undefined;
  const t = (value - scale.min) / (scale.max - scale.min);
  return `hsl(${Math.round(t * 130)} 75% 50% / 0.16)`;
}

/** An importance: whole numbers as they are, those derived from pairwise comparisons to one decimal. */
export function formatImportance(value: number | undefined) {
  if (value === undefined) return "–";
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
