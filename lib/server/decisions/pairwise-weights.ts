// Turns a lead's pairwise comparisons into the criteria's stored raw weights (the principal
// eigenvector, in percent) and the judgements kept beside them for editing.
import "server-only";
import { DomainRuleError } from "../../domain/aggregation";
import { pairwiseWeights } from "../../domain/pairwise";
import { AppError } from "../../errors";
import { MAX_PAIRWISE_CRITERIA } from "../../schemas/decision";

export interface PairwiseInput {
  a: number | string;
  b: number | string;
  value: number;
}

/** Stored on the decision, by criterion id. */
export interface StoredJudgement {
  a: string;
  b: string;
  value: number;
}

const refuse = (message: string) => new AppError("unprocessable", message, { issues: [{ path: "pairwise", message }] });

/**
 * `criteria` in their new order, with ids where they exist. Each judgement names a criterion by its
 * position in that list or by its id. Returns one raw weight per criterion and the judgements by position.
 */
export function resolvePairwise(criteria: readonly { id?: string }[], judgements: readonly PairwiseInput[]) {
  if (criteria.length > MAX_PAIRWISE_CRITERIA) {
    throw refuse(`Pairwise comparison works with at most ${MAX_PAIRWISE_CRITERIA} criteria; give numeric weights instead.`);
  }
  const positionOf = (ref: number | string): number => {
    const position = typeof ref === "number" ? ref : criteria.findIndex((c) => c.id === ref);
    if (position < 0 || position >= criteria.length) throw refuse(`A comparison names an unknown criterion (${ref}).`);
    return position;
  };
  const byPosition = judgements.map((j) => ({ a: positionOf(j.a), b: positionOf(j.b), value: j.value }));
  try {
    const result = pairwiseWeights(
      criteria.map((_, i) => String(i)),
      byPosition.map((j) => ({ rowId: String(j.a), columnId: String(j.b), value: j.value })),
    );
    return {
      /** The principal eigenvector, summing to 1, in the criteria's order. */
      weights: criteria.map((_, i) => result.weights[String(i)]!),
      // Percent, so the edit form shows readable numbers; weights are relative, so the scale is free.
      rawWeights: criteria.map((_, i) => Math.round(result.weights[String(i)]! * 100 * 1e6) / 1e6),
      byPosition,
    };
  } catch (error) {
    if (error instanceof DomainRuleError) throw refuse(error.message.replace(/Compare (\d+) with (\d+)\./, (_, a, b) => `Compare criterion ${Number(a) + 1} with criterion ${Number(b) + 1}.`));
    throw error;
  }
}

/** The stored judgements with positions replaced by the criteria's ids. */
export function judgementsById(byPosition: readonly { a: number; b: number; value: number }[], ids: readonly string[]): StoredJudgement[] {
  return byPosition.map((j) => ({ a: ids[j.a]!, b: ids[j.b]!, value: j.value }));
}
