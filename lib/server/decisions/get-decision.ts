import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../actor";
import { loadDecision } from "./load";
import { presentDecision } from "./shape";

/** $1 decision id → its project's voting members in the order they joined, with their ballot's time if any. */
const participationSql = `
  SELECT u.id AS "userId", u.name, b."submittedAt"
  FROM "Decision" d
  JOIN "Membership" m ON m."projectId" = d."projectId" AND m.role IN ('OWNER', 'LEAD', 'MEMBER')
  JOIN "User" u ON u.id = m."userId"
  LEFT JOIN "Ballot" b ON b."decisionId" = d.id AND b."voterId" = m."userId"
  WHERE d.id = $1
  ORDER BY m."createdAt" ASC`;

/** The decision with who has voted (never what): safe for every member at any time. */
export async function getDecision(actor: Actor, decisionId: string) {
  const db = getDb();
  // One round trip: the voters and ballots are read beside the permission check and dropped if it fails.
  const [{ decision, role }, eligible] = await Promise.all([
    loadDecision(decisionId, actor.userId),
    db.$queryRawUnsafe<{ userId: string; name: string; submittedAt: Date | null }[]>(participationSql, decisionId),
  ]);
  return {
    ...presentDecision(decision),
    role,
    participation: {
      eligible: eligible.length,
      voted: eligible.filter((m) => m.submittedAt !== null).length,
      voters: eligible.map((m) => ({
        userId: m.userId,
        name: m.name,
        voted: m.submittedAt !== null,
        submittedAt: m.submittedAt ?? null,
      })),
    },
  };
}
