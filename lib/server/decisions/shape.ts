import "server-only";
import type { Prisma } from "../../generated/prisma/client";

export const decisionInclude = {
  options: { orderBy: { position: "asc" } },
  criteria: { orderBy: { position: "asc" } },
  record: { select: { id: true, status: true } },
} satisfies Prisma.DecisionInclude;

export type DecisionRow = Prisma.DecisionGetPayload<{ include: typeof decisionInclude }>;

export const decisionKey = (number: number) => `ADR-${String(number).padStart(4, "0")}`;

/** The decision as the API and pages show it. */
export function presentDecision(d: DecisionRow) {
  return {
    id: d.id,
    projectId: d.projectId,
    number: d.number,
    key: decisionKey(d.number),
    title: d.title,
    context: d.context,
    status: d.status,
    scale: { min: d.scaleMin, max: d.scaleMax },
    weightMode: d.weightMode,
    revealPolicy: d.revealPolicy,
    deadline: d.deadline,
    options: d.options.map((o) => ({ id: o.id, name: o.name, description: o.description, link: o.link })),
    criteria: d.criteria.map((c) => ({ id: c.id, name: c.name, description: c.description, weight: c.weight })),
    createdAt: d.createdAt,
    openedAt: d.openedAt,
    closedAt: d.closedAt,
    record: d.record ? { id: d.record.id, status: d.record.status } : null,
  };
}

export type PresentedDecision = ReturnType<typeof presentDecision>;
