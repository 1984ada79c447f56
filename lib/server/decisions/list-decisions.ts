import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../actor";
import { requirePermission } from "../access";
import { closeExpiredDecisions } from "./load";
import { decisionInclude, presentDecision } from "./shape";

export async function listDecisions(actor: Actor, projectId: string) {
  await requirePermission(projectId, actor.userId, "project.read");
  await closeExpiredDecisions();
  const rows = await getDb().decision.findMany({
    where: { projectId },
    include: { ...decisionInclude, _count: { select: { ballots: true } } },
    orderBy: { number: "desc" },
  });
  return rows.map((row) => ({ ...presentDecision(row), ballotCount: row._count.ballots }));
}
