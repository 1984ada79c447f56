// The results JSON (`GET /decisions/{id}/results`) as a zod schema: the OpenAPI document describes the
// response from it, and the integration tests check the API's answer against it.
import { z } from "zod";

const probability = z.number().min(0).max(1);

export const resultFlagSchema = z.enum(["tie", "contested", "fragile", "incomplete", "median_disagrees"]);

export const resultsResponseSchema = z.object({
  decisionId: z.string(),
  status: z.enum(["DRAFT", "OPEN", "CLOSED"]),
  participation: z.object({ eligible: z.int(), voted: z.int() }),
  weights: z.array(z.object({ criterionId: z.string(), weight: z.number() })),
  cells: z.array(
    z.object({
      optionId: z.string(),
      criterionId: z.string(),
      n: z.int(),
      abstentions: z.int(),
      mean: z.number().nullable(),
      median: z.number().nullable(),
      stdev: z.number().nullable(),
      min: z.number().nullable(),
      max: z.number().nullable(),
      normalized: z.number().nullable(),
      disputed: z.boolean(),
    }),
  ),
  options: z.array(
    z.object({
      optionId: z.string(),
      name: z.string(),
      total: z.number().nullable(),
      coverage: z.number(),
      rank: z.int(),
      borda: z.number(),
      incomplete: z.boolean(),
    }),
  ),
  winnerOptionIds: z.array(z.string()),
  flags: z.array(resultFlagSchema),
  kendallW: z.number().nullable(),
  sensitivity: z.array(
    z.object({
      criterionId: z.string(),
      delta: z.number().nullable(),
      catchingUpOptionId: z.string().nullable().describe("The option that reaches the winner at that change"),
    }),
  ),
  robustness: z.number().nullable(),
  acceptability: z
    .array(
      z.object({
        optionId: z.string(),
        rankProbabilities: z.array(probability).describe("Entry r − 1: the share of plausible variations with rank r"),
        winProbability: probability,
      }),
    )
    .describe("Rank acceptability: how often each option takes each rank when weights and cell means vary within their uncertainty"),
  figures: z
    .enum(["ready", "computing"])
    .describe(
      "Whether the uncertainty figures (acceptability, confidence, pivotal voters) are computed for the current ballots. While \"computing\" they are empty (acceptability [], acceptabilitySamples 0, confidence null, confidenceSentence \"\", pivotalVoters null); everything else is current. Read again in a moment.",
    ),
  acceptabilitySamples: z.int().min(0).describe("0 while the figures are computing"),
  confidence: probability.nullable().describe("The sole winner's win probability; null on a tie or without totals"),
  confidenceSentence: z.string(),
  pivotalVoters: z
    .object({
      count: z.int().min(0).describe("Voters whose absence alone would change the winner"),
      voters: z
        .array(z.object({ userId: z.string(), name: z.string() }))
        .optional()
        .describe("Only for owners, leads and auditors, and only after close: the first 100 pivotal voters in ballot order (count says how many there are)"),
    })
    .nullable()
    .describe("Null while the figures are computing"),
  medianWinnerOptionIds: z.array(z.string()).describe("The winners when cells are summarized by medians instead of means"),
});

export type ResultsResponse = z.infer<typeof resultsResponseSchema>;
