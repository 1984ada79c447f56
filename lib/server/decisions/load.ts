import "server-only";
import { getDb } from "../../db";
import { AppError } from "../../errors";
import type { Permission } from "../access";
import { assertCan } from "../access";
import { closeIfExpired } from "./close-expired";
import type { Role } from "../../generated/prisma/enums";
import { decisionInclude, type DecisionRow } from "./shape";

// The decision with its options, criteria, record and the caller's role in one raw statement: every
// decision page and API call starts here, and the ORM form (an include of four relations) was both
// compiled afresh on each call and sent as several statements. Its columns are the Decision row's
// (`d.*`), so DecisionRow's shape is kept; options and criteria come as JSON in position order.
const loadDecisionSql = `
  SELECT d.*, m.role,
    (SELECT coalesce(json_agg(row_to_json(o) ORDER BY o.position), '[]') FROM "Option" o WHERE o."decisionId" = d.id) AS options,
    (SELECT coalesce(json_agg(row_to_json(c) ORDER BY c.position), '[]') FROM "Criterion" c WHERE c."decisionId" = d.id) AS criteria,
    (SELECT json_build_object('id', r.id, 'status', r.status) FROM "DecisionRecord" r WHERE r."decisionId" = d.id) AS record
  FROM "Decision" d
  LEFT JOIN "Membership" m ON m."projectId" = d."projectId" AND m."userId" = $2
  WHERE d.id = $1`;

type LoadedRow = Omit<DecisionRow, "options" | "criteria" | "record" | "pairwise"> & {
  role: Role | null;
  options: unknown;
  criteria: unknown;
  record: unknown;
  pairwise: unknown;
};

/** JSON columns arrive parsed from one driver and as text from the other. */
const fromJson = (value: unknown) => (typeof value === "string" ? (JSON.parse(value) as unknown) : value) as never;

/**
 * Finds a decision the caller may act on. Unknown ids and decisions of projects the caller is not
 * in are the same 404. A vote whose deadline passed is closed first (the one write a read makes,
 * through close-expired.ts), so no read shows it OPEN.
 *
 * One query reads the decision with the caller's membership, so a page or request pays one round trip
 * here rather than three in a row; only an expired vote is read again after its close.
 */
export async function loadDecision(
  decisionId: string,
  userId: string,
  permission: Permission = "project.read",
) {
  const db = getDb();
  const [found] = await db.$queryRawUnsafe<LoadedRow[]>(loadDecisionSql, decisionId, userId);
  if (!found) throw new AppError("not_found", "No such decision.");
  const { role, options, criteria, record, pairwise, ...columns } = found;
  if (!role) throw new AppError("not_found", "No such decision.");
  assertCan(role, permission);
  const decision: DecisionRow = {
    ...columns,
    pairwise: fromJson(pairwise),
    options: fromJson(options) as DecisionRow["options"],
    criteria: fromJson(criteria) as DecisionRow["criteria"],
    record: fromJson(record) as DecisionRow["record"],
  };
  if (decision.status === "OPEN" && decision.deadline && decision.deadline <= new Date()) {
    await closeIfExpired(decisionId);
    return {
      decision: await db.decision.findUniqueOrThrow({ where: { id: decisionId }, include: decisionInclude }),
      role,
    };
  }
  return { decision, role };
}
