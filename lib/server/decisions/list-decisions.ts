import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../actor";
import { requirePermission } from "../access";
import { closeExpiredDecisions } from "./close-expired";
import { decisionInclude, presentDecision } from "./shape";

export async function listDecisions(actor: Actor, projectId: string) {
  await requirePermission(projectId, actor.userId, "project.read");
  // Only this project's votes: a list must not pay for (or write to) every other project.
  await closeExpiredDecisions({ projectId });
  const rows = await getDb().decision.findMany({
    where: { projectId },
    include: { ...decisionInclude, _count: { select: { ballots: true } } },
    orderBy: { number: "desc" },
  });
  return rows.map((row) => ({ ...presentDecision(row), ballotCount: row._count.ballots }));
}
