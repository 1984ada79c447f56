// Builders for decisions and ballots, through the JSON API as a script would use it.
import { api, tokenFor } from "./api";
import type { Actor } from "@/lib/server/actor";

export const frameworkDecision = {
  title: "Which framework do we standardize on?",
  context: "We train and serve models with two stacks today.",
  weightMode: "FIXED" as const,
  options: [{ name: "PyTorch" }, { name: "TensorFlow" }, { name: "JAX" }],
  criteria: [
    { name: "Flexibility", weight: 3 },
    { name: "Production readiness", weight: 2 },
    { name: "Ecosystem", weight: 1 },
  ],
};

export async function createOpenDecision(lead: Actor, projectId: string, body: Record<string, unknown> = frameworkDecision) {
  const token = await tokenFor(lead);
  const created = await api("POST", `/projects/${projectId}/decisions`, { token, body });
  if (created.status !== 201) throw new Error(`create failed: ${created.text}`);
  const opened = await api("POST", `/decisions/${created.body.id}/open`, { token });
  if (opened.status !== 200) throw new Error(`open failed: ${opened.text}`);
  return opened.body as {
    id: string;
    number: number;
    options: { id: string; name: string }[];
    criteria: { id: string; name: string; weight: number }[];
  };
}

/** A ballot from a matrix of values, rows = options, columns = criteria (null = abstain). */
export function ballotFrom(decision: { options: { id: string }[]; criteria: { id: string }[] }, matrix: (number | null)[][]) {
  return {
    scores: decision.options.flatMap((o, i) =>
      decision.criteria.map((c, j) => ({ optionId: o.id, criterionId: c.id, value: matrix[i]![j]! })),
    ),
  };
}
