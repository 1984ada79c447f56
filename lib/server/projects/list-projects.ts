import "server-only";
import { getDb } from "../../db";
import type { Role } from "../../generated/prisma/enums";
import type { Actor } from "../actor";

// One raw statement: this list is on every signed-in landing page and is the API's cheapest call, and
// the ORM form (memberships with their project and two relation counts) was compiled afresh each time.
const listProjectsSql = `
  SELECT p.id, p.name, p.description, p."createdAt", m.role,
    (SELECT count(*) FROM "Membership" pm WHERE pm."projectId" = p.id)::int AS "memberCount",
    (SELECT count(*) FROM "Decision" d WHERE d."projectId" = p.id)::int AS "decisionCount"
  FROM "Membership" m JOIN "Project" p ON p.id = m."projectId"
  WHERE m."userId" = $1
  ORDER BY p."createdAt" DESC`;

/** Only the projects the caller belongs to exist for them. */
export async function listProjects(actor: Actor) {
  const rows = await getDb().$queryRawUnsafe<
    { id: string; name: string; description: string; createdAt: Date; role: Role; memberCount: number; decisionCount: number }[]
  >(listProjectsSql, actor.userId);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.createdAt,
    role: row.role,
    memberCount: Number(row.memberCount),
    decisionCount: Number(row.decisionCount),
  }));
}
