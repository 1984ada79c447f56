// Orderings used by the result: competition ranks of the totals, Borda positions of one voter's
// totals, and Kendall's W over those positions (PRODUCT.md, Aggregation §4–5).
import { TIE_TOLERANCE } from "./thresholds";

export interface Scored {
  id: string;
  total: number | null;
}

/**
 * Splits entries into groups of equal totals, best first; entries without a total come back apart.
 * Neighbours within TIE_TOLERANCE join one group, so any two totals that close always share it
 * (a chain a≈b≈c groups all three rather than deciding where to cut without a rule to cut by).
 * Inside a group the caller's order is kept.
 */
export function groupByTotal(entries: readonly Scored[]): { groups: string[][]; withoutTotal: string[] } {
  const withTotal: { id: string; total: number; index: number }[] = [];
  const withoutTotal: string[] = [];
  entries.forEach((entry, index) => {
    if (entry.total === null) withoutTotal.push(entry.id);
    else withTotal.push({ id: entry.id, total: entry.total, index });
  });
  withTotal.sort((a, b) => b.total - a.total || a.index - b.index);

  const groups: { members: { id: string; index: number }[]; lowest: number }[] = [];
  for (const entry of withTotal) {
    const current = groups[groups.length - 1];
    if (current && current.lowest - entry.total <= TIE_TOLERANCE) {
      current.members.push(entry);
      current.lowest = entry.total;
    } else {
      groups.push({ members: [entry], lowest: entry.total });
    }
  }
  return {
    groups: groups.map((group) => group.members.sort((a, b) => a.index - b.index).map((member) => member.id)),
    withoutTotal,
  };
}

/**
 * Competition ranks (1, 1, 3) by total, highest first. Entries without a total share the last rank.
 * `tied` is true when two totals share a rank; entries without a total are not counted as a tie,
 * since they have no total to be equal on (they are flagged incomplete instead).
 */
export function rankByTotal(entries: readonly Scored[]): { ranks: Map<string, number>; tied: boolean } {
  const { groups, withoutTotal } = groupByTotal(entries);
  const ranks = new Map<string, number>();
  let ahead = 0;
  let tied = false;
  for (const group of groups) {
    for (const id of group) ranks.set(id, ahead + 1);
    if (group.length > 1) tied = true;
    ahead += group.length;
  }
  for (const id of withoutTotal) ranks.set(id, ahead + 1);
  return { ranks, tied };
}

/**
 * One voter's positions (1 = best) over all options: options with a total ordered by it, equal
 * totals sharing the mean of the positions they span, and options without a total tying last.
 */
export function bordaPositions(entries: readonly Scored[]): Map<string, number> {
  const { groups, withoutTotal } = groupByTotal(entries);
  const positions = new Map<string, number>();
  let ahead = 0;
  for (const group of [...groups, withoutTotal]) {
    // Positions ahead+1 … ahead+size average to ahead + (size + 1) / 2.
    const shared = ahead + (group.length + 1) / 2;
    for (const id of group) positions.set(id, shared);
    ahead += group.length;
  }
  return positions;
}

/**
 * Kendall's coefficient of concordance, W = 12·S / (m²·(k³ − k)), from each option's sum of
 * positions over m voters. No correction for ties: PRODUCT.md defines W by this formula alone.
 */
export function kendallW(positionSums: readonly number[], voterCount: number): number | null {
  const k = positionSums.length;
  const m = voterCount;
  if (m < 2 || k < 2) return null;
  const meanSum = positionSums.reduce((sum, r) => sum + r, 0) / k;
  const s = positionSums.reduce((sum, r) => sum + (r - meanSum) ** 2, 0);
  return (12 * s) / (m * m * (k ** 3 - k));
}

/** A coverage this close to 0 is no coverage: the option has no total for this voter. */
const NO_COVERAGE = 1e-9;

/** One voter's Borda positions from their per-option Σ w·ŝ and Σ w; options without a sum tie last. */
export function voterPositions(
  optionIds: readonly string[],
  sums: ReadonlyMap<string, { weightedSum: number; coverage: number }>,
): Map<string, number> {
  return bordaPositions(
    optionIds.map((id) => {
      const sum = sums.get(id);
      return { id, total: sum && sum.coverage > NO_COVERAGE ? sum.weightedSum / sum.coverage : null };
    }),
  );
}
