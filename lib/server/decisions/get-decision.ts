import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../actor";
import { loadDecision } from "./load";
import { presentDecision } from "./shape";

const VOTER_ROLES = ["OWNER", "LEAD", "MEMBER"] as const;

/** The decision with who has voted (never what): safe for every member at any time. */
export async function getDecision(actor: Actor, decisionId: string) {
  const db = getDb();
  // One round trip: the voters and ballots are read beside the permission check and dropped if it fails.
  const [{ decision, role }, eligible, ballots] = await Promise.all([
    loadDecision(decisionId, actor.userId),
    db.membership.findMany({
      where: { project: { decisions: { some: { id: decisionId } } }, role: { in: [...VOTER_ROLES] } },
      select: { user: { select: { id: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.ballot.findMany({
      where: { decisionId },
      select: { voterId: true, submittedAt: true, revision: true },
    }),
  ]);
  const voted = new Map(ballots.map((b) => [b.voterId, b]));
  return {
    ...presentDecision(decision),
    role,
    participation: {
      eligible: eligible.length,
      voted: eligible.filter((m) => voted.has(m.user.id)).length,
      voters: eligible.map((m) => ({
        userId: m.user.id,
        name: m.user.name,
        voted: voted.has(m.user.id),
        submittedAt: voted.get(m.user.id)?.submittedAt ?? null,
      })),
    },
  };
}
