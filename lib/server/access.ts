import "server-only";
import type { Tx } from "../db";
import { getDb } from "../db";
import { AppError } from "../errors";
import type { Role } from "../generated/prisma/enums";

export type Permission =
  | "project.read"
  | "ballot.submit"
  | "decision.manage"
  | "record.manage"
  | "audit.read"
  | "ballots.read_all"
  | "members.manage"
  | "discussion.post"
  | "webhooks.manage"
  | "repository.manage"
  | "repository.publish";

// PRODUCT.md's permission table, in one place.
const GRANTS: Record<Permission, readonly Role[]> = {
  "project.read": ["OWNER", "LEAD", "MEMBER", "AUDITOR"],
  "ballot.submit": ["OWNER", "LEAD", "MEMBER"],
  "decision.manage": ["OWNER", "LEAD"],
  "record.manage": ["OWNER", "LEAD"],
  "audit.read": ["OWNER", "LEAD", "MEMBER", "AUDITOR"],
  "ballots.read_all": ["OWNER", "LEAD", "AUDITOR"],
  "members.manage": ["OWNER"],
  "discussion.post": ["OWNER", "LEAD", "MEMBER"],
  "webhooks.manage": ["OWNER"],
  "repository.manage": ["OWNER"],
  "repository.publish": ["OWNER", "LEAD"],
};

const REFUSALS: Record<Permission, string> = {
  "project.read": "You cannot see this project.",
  "ballot.submit": "Auditors read decisions but do not vote.",
  "decision.manage": "Only a project's owners and leads can create or change decisions.",
  "record.manage": "Only a project's owners and leads can edit or change the status of decision records.",
  "audit.read": "You cannot read this project's history.",
  "ballots.read_all": "Only owners, leads and auditors can read other members' ballots.",
  "members.manage": "Only a project's owners can invite people or change members and roles.",
  "discussion.post": "Auditors read the discussion but do not take part in it.",
  "webhooks.manage": "Only a project's owners can see and manage its webhooks.",
  "repository.manage": "Only a project's owners can connect, change or disconnect its git repository.",
  "repository.publish": "Only a project's owners and leads can see the publish log, publish or resolve a publishing conflict.",
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[permission].includes(role);
}

/** Throws the permission's refusal (403) when the role lacks it. */
export function assertCan(role: Role, permission: Permission): Role {
  if (!can(role, permission)) throw new AppError("forbidden", REFUSALS[permission]);
  return role;
}

/**
 * The caller's role in a project. A non-member learns nothing, not even that the project exists:
 * the answer is the same 404 as for an unknown id.
 */
export async function membershipOf(projectId: string, userId: string, tx: Tx | ReturnType<typeof getDb> = getDb()) {
  const membership = await tx.membership.findUnique({
    where: { projectId_userId: { projectId, userId } },
    select: { role: true },
  });
  if (!membership) throw new AppError("not_found", "No such project.");
  return membership.role;
}

export async function requirePermission(
  projectId: string,
  userId: string,
  permission: Permission,
  tx?: Tx,
): Promise<Role> {
  return assertCan(await membershipOf(projectId, userId, tx), permission);
}

/**
 * The permission check every write repeats inside its own transaction, right after taking its row
 * lock: a role taken away while the request waited for that lock is seen here, not after the write.
 * The caller's membership row stays locked FOR SHARE until the write commits, so a role change or
 * removal waits for a write authorized on the old role instead of committing in the middle of it.
 * FOR KEY SHARE would not hold a role change back: updating a non-key column takes FOR NO KEY
 * UPDATE, which only conflicts with SHARE and stronger. Writes lock this row before the project row
 * (their audit event), and membership changes lock the rows they touch before the project row too
 * (lockMembers), so neither ever holds what the other waits for.
 */
export async function requirePermissionInTx(tx: Tx, projectId: string, userId: string, permission: Permission): Promise<Role> {
  const [membership] = await tx.$queryRaw<{ role: Role }[]>`
    SELECT role FROM "Membership" WHERE "projectId" = ${projectId} AND "userId" = ${userId} FOR SHARE`;
  if (!membership) throw new AppError("not_found", "No such project.");
  return assertCan(membership.role, permission);
}
