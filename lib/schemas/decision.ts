import { z } from "zod";
import { safeText } from "./text";

export { DEFAULT_WEIGHT_BAND } from "../domain/acceptability";

const name = (what: string, max = 120) =>
  safeText().trim().min(1, { error: `Name the ${what}.` }).max(max, { error: `Use at most ${max} characters.` });

export const optionInputSchema = z
  .object({
    id: safeText().optional(),
    name: name("option"),
    description: safeText().trim().max(2000).optional(),
    link: safeText().pipe(z.url({ protocol: /^https?$/, error: "Links must start with http:// or https://." })).optional().or(z.literal("")),
  })
  .strict();

export const criterionInputSchema = z
  .object({
    id: safeText().optional(),
    name: name("criterion"),
    description: safeText().trim().max(2000).optional(),
    weight: z.number({ error: "Weight must be a number." }).min(0, { error: "Weights cannot be negative." }).max(1000).optional(),
  })
  .strict();

export const scaleSchema = z
  .object({
    min: z.int({ error: "Scale bounds must be whole numbers." }).min(-100).max(100),
    max: z.int({ error: "Scale bounds must be whole numbers." }).min(-100).max(100),
  })
  .strict()
  .refine((scale) => scale.max > scale.min, { error: "The scale's max must be greater than its min.", path: ["max"] });

export const weightModeSchema = z.enum(["FIXED", "VOTED"], { error: 'weightMode must be "FIXED" or "VOTED".' });
export const revealPolicySchema = z.enum(["AFTER_CLOSE", "LIVE"], { error: 'revealPolicy must be "AFTER_CLOSE" or "LIVE".' });

/** FIXED mode: how far rank acceptability moves each weight, relative to itself (±0–99 %). */
export const MAX_WEIGHT_BAND = 0.99;
export const weightBandSchema = z
  .number({ error: "The weight band is a number from 0 to 0.99 (±0–99 %)." })
  .min(0, { error: "The weight band cannot be negative: 0 (0 %) keeps the weights exactly as set." })
  .max(MAX_WEIGHT_BAND, { error: "Keep the weight band at most 0.99 (±99 %): a weight cannot vary by all of itself." })
  .meta({
    description:
      "FIXED mode only: rank acceptability moves each criterion's weight by up to ± this share of itself (0.2 = ±20 %, the default; 0 keeps the weights exact).",
  });

export const MAX_OPTIONS = 30;
export const MAX_CRITERIA = 30;
/** Saaty's random index is published up to 10 criteria (lib/domain/pairwise.ts MAX_PAIRWISE_CRITERIA). */
export const MAX_PAIRWISE_CRITERIA = 10;

const criterionRef = z.union([z.int().min(0), z.string().min(1)], {
  error: "Name a criterion by its position (0, 1, …) or its id.",
});

/** "a is `value` times as important as b", on Saaty's scale: 1–9 or 1/2–1/9. */
export const pairwiseJudgementSchema = z
  .object({
    a: criterionRef,
    b: criterionRef,
    value: z.number({ error: "A comparison is a number from 1/9 to 9." }).min(1 / 9 - 1e-9).max(9),
  })
  .strict();

const decisionFields = {
  title: safeText().trim().min(1, { error: "Give the decision a title." }).max(200, { error: "Use at most 200 characters." }),
  context: safeText().max(20_000, { error: "Keep the context under 20,000 characters." }).optional(),
  scale: scaleSchema.optional(),
  weightMode: weightModeSchema,
  revealPolicy: revealPolicySchema.optional(),
  deadline: z.iso.datetime({ offset: true, error: "deadline must be an ISO 8601 date-time." }).nullable().optional(),
  options: z.array(optionInputSchema).max(MAX_OPTIONS, { error: `At most ${MAX_OPTIONS} options.` }),
  criteria: z.array(criterionInputSchema).min(1, { error: "Add at least one criterion." }).max(MAX_CRITERIA, { error: `At most ${MAX_CRITERIA} criteria.` }),
  /** FIXED mode: weights from pairwise comparisons instead of the criteria's numbers (which are then ignored). */
  pairwise: z.array(pairwiseJudgementSchema).max(45, { error: "At most 45 comparisons (10 criteria)." }).optional(),
  /** A score at either end of the scale must say why. */
  requireRationaleAtExtremes: z.boolean({ error: "requireRationaleAtExtremes is true or false." }).optional(),
  /** VOTED mode: voters weigh the criteria before they see a score grid; a lead starts scoring. */
  importancesFirst: z.boolean({ error: "importancesFirst is true or false." }).optional(),
  /** FIXED mode: the relative band rank acceptability moves each weight within (0.2 = ±20 %). */
  weightBand: weightBandSchema.optional(),
};

function uniqueNames(list: { name: string }[]) {
  const seen = new Set<string>();
  return list.every((item) => {
    const key = item.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type DecisionShape = {
  options?: { name: string }[];
  criteria?: { name: string; weight?: number }[];
  weightMode?: "FIXED" | "VOTED";
  pairwise?: unknown[];
  importancesFirst?: boolean;
  weightBand?: number;
};

function decisionRules<T extends z.ZodType<DecisionShape>>(schema: T) {
  return schema
    .refine((d) => !d.options || uniqueNames(d.options), { error: "Option names must be different.", path: ["options"] })
    .refine((d) => !d.criteria || uniqueNames(d.criteria), { error: "Criterion names must be different.", path: ["criteria"] })
    .refine(
      (d) => d.pairwise !== undefined || d.weightMode !== "FIXED" || !d.criteria || d.criteria.some((c) => (c.weight ?? 1) > 0),
      { error: "With fixed weights at least one criterion needs a weight above 0.", path: ["criteria"] },
    )
    .refine((d) => d.pairwise === undefined || d.weightMode !== "VOTED", {
      error: "Pairwise weights are for fixed weights; in VOTED mode voters weigh the criteria.",
      path: ["pairwise"],
    })
    .refine((d) => !d.importancesFirst || d.weightMode !== "FIXED", {
      error: "Importances first is for VOTED decisions: with fixed weights there is nothing for voters to weigh.",
      path: ["importancesFirst"],
    })
    .refine((d) => d.weightBand === undefined || d.weightMode !== "VOTED", {
      error: "The weight band is for fixed weights; in VOTED mode the spread of the voters' importances is sampled.",
      path: ["weightBand"],
    })
    .refine((d) => d.pairwise === undefined || !d.criteria || d.criteria.length <= MAX_PAIRWISE_CRITERIA, {
      error: `Pairwise comparison works with at most ${MAX_PAIRWISE_CRITERIA} criteria; give numeric weights instead.`,
      path: ["pairwise"],
    });
}

export const createDecisionSchema = decisionRules(z.object(decisionFields).strict());

export const updateDecisionSchema = decisionRules(
  z
    .object({
      title: decisionFields.title.optional(),
      context: decisionFields.context,
      scale: decisionFields.scale,
      weightMode: weightModeSchema.optional(),
      revealPolicy: decisionFields.revealPolicy,
      deadline: decisionFields.deadline,
      options: decisionFields.options.optional(),
      criteria: decisionFields.criteria.optional(),
      pairwise: decisionFields.pairwise,
      requireRationaleAtExtremes: decisionFields.requireRationaleAtExtremes,
      importancesFirst: decisionFields.importancesFirst,
      weightBand: decisionFields.weightBand,
    })
    .strict(),
);

export const reopenSchema = z
  .object({ reason: safeText().trim().min(3, { error: "Say why the vote is reopened." }).max(2000) })
  .strict();

export const scoreInputSchema = z
  .object({
    optionId: safeText({ error: "optionId is required." }),
    criterionId: safeText({ error: "criterionId is required." }),
    value: z.int({ error: "A score is a whole number, or null to abstain." }).nullable(),
    rationale: safeText().max(2000, { error: "Keep a rationale under 2,000 characters." }).optional(),
  })
  .strict();

export const importanceInputSchema = z
  .object({
    criterionId: safeText(),
    value: z.int({ error: "Importance is a whole number from 0 to 10." }).min(0).max(10),
  })
  .strict();

export const ballotSchema = z
  .object({
    scores: z.array(scoreInputSchema).max(MAX_OPTIONS * MAX_CRITERIA),
    importances: z.array(importanceInputSchema).max(MAX_CRITERIA).optional(),
    /** VOTED mode: importances by pairwise comparison of the criteria (by id), instead of `importances`. */
    pairwise: z.array(pairwiseJudgementSchema).max(45, { error: "At most 45 comparisons (10 criteria)." }).optional(),
    comment: safeText().max(5000).optional(),
  })
  .strict()
  .refine((b) => !(b.pairwise && b.importances), {
    error: "Give importances either as numbers or by pairwise comparison, not both.",
    path: ["pairwise"],
  });

export type CreateDecisionInput = z.infer<typeof createDecisionSchema>;
export type UpdateDecisionInput = z.infer<typeof updateDecisionSchema>;
export type BallotInput = z.infer<typeof ballotSchema>;
