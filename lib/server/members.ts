import "server-only";
import crypto from "node:crypto";
import { getDb, type Tx } from "../db";
import { AppError } from "../errors";
import { changeRoleSchema, createInviteSchema } from "../schemas/project";
import type { Actor } from "./actor";
import { hashToken } from "./token-hash";
import { membershipOf, requirePermission } from "./access";
import { appendAuditEvent } from "./audit";
import { parseInput } from "./parse-input";

const inviteTtlMs = () => Number(process.env.INVITE_TTL_DAYS ?? 7) * 24 * 60 * 60 * 1000;

export function inviteUrl(token: string, baseUrl = process.env.AUTH_URL ?? "http://localhost:3000") {
  return `${baseUrl.replace(/\/$/, "")}/invites/${token}`;
}

export async function createInvite(actor: Actor, projectId: string, raw: unknown, baseUrl?: string) {
  await requirePermission(projectId, actor.userId, "members.manage");
  const { role } = parseInput(createInviteSchema, raw);
  const token = crypto.randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + inviteTtlMs());
  await getDb().$transaction(async (tx) => {
    await requirePermission(projectId, actor.userId, "members.manage", tx);
    const invite = await tx.invite.create({
      data: { projectId, role, tokenHash: hashToken(token), createdById: actor.userId, expiresAt },
    });
    await appendAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: "invite.created",
      entityType: "invite",
      entityId: invite.id,
      data: { after: { role, expiresAt: expiresAt.toISOString() } },
    });
  });
  return { token, url: inviteUrl(token, baseUrl), role, expiresAt };
}

/** What an invite link offers, for the page that asks the user to accept it. */
export async function describeInvite(token: string) {
  const invite = await getDb().invite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { role: true, expiresAt: true, usedAt: true, project: { select: { id: true, name: true } } },
  });
  if (!invite) throw new AppError("not_found", "This invite link is not valid.");
  return invite;
}

export async function acceptInvite(actor: Actor, token: string) {
  return getDb().$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!invite) throw new AppError("not_found", "This invite link is not valid.");
    if (invite.usedAt) throw new AppError("conflict", "This invite link has already been used. Ask an owner for a new one.");
    if (invite.expiresAt < new Date()) throw new AppError("conflict", "This invite link has expired. Ask an owner for a new one.");
    const existing = await tx.membership.findUnique({
      where: { projectId_userId: { projectId: invite.projectId, userId: actor.userId } },
    });
    if (existing) throw new AppError("conflict", `You are already a member of this project (${existing.role}).`);
    // Claiming the invite first makes a second, concurrent acceptance fail instead of adding twice.
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, usedAt: null },
      data: { usedAt: new Date(), usedById: actor.userId },
    });
    if (claimed.count !== 1) throw new AppError("conflict", "This invite link has already been used.");
    await tx.membership.create({ data: { projectId: invite.projectId, userId: actor.userId, role: invite.role } });
    await appendAuditEvent(tx, {
      projectId: invite.projectId,
      actorId: actor.userId,
      action: "member.joined",
      entityType: "member",
      entityId: actor.userId,
      data: { inviteId: invite.id, after: { role: invite.role } },
    });
    return { projectId: invite.projectId, role: invite.role };
  });
}

async function assertAnotherOwnerRemains(tx: Tx, projectId: string, userId: string, what: string) {
  const otherOwners = await tx.membership.count({ where: { projectId, role: "OWNER", userId: { not: userId } } });
  if (otherOwners === 0) {
    throw new AppError("conflict", `${what}: a project must keep at least one owner. Make someone else an owner first.`);
  }
}

async function lockMembers(tx: Tx, projectId: string) {
  // Serializes membership changes per project so two demotions cannot both pass the owner check.
  await tx.project.update({ where: { id: projectId }, data: { auditSeq: { increment: 0 } } });
}

export async function changeMemberRole(actor: Actor, projectId: string, userId: string, raw: unknown) {
  await requirePermission(projectId, actor.userId, "members.manage");
  const { role } = parseInput(changeRoleSchema, raw);
  return getDb().$transaction(async (tx) => {
    await lockMembers(tx, projectId);
    await requirePermission(projectId, actor.userId, "members.manage", tx);
    const before = await membershipOf(projectId, userId, tx).catch(() => {
      throw new AppError("not_found", "This person is not a member of the project.");
    });
    if (before === role) return { userId, role };
    if (before === "OWNER") await assertAnotherOwnerRemains(tx, projectId, userId, "Cannot change the last owner's role");
    await tx.membership.update({ where: { projectId_userId: { projectId, userId } }, data: { role } });
    await appendAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: "member.role_changed",
      entityType: "member",
      entityId: userId,
      data: { before: { role: before }, after: { role } },
    });
    return { userId, role };
  });
}

export async function removeMember(actor: Actor, projectId: string, userId: string) {
  await requirePermission(projectId, actor.userId, "members.manage");
  await getDb().$transaction(async (tx) => {
    await lockMembers(tx, projectId);
    await requirePermission(projectId, actor.userId, "members.manage", tx);
    const before = await membershipOf(projectId, userId, tx).catch(() => {
      throw new AppError("not_found", "This person is not a member of the project.");
    });
    if (before === "OWNER") await assertAnotherOwnerRemains(tx, projectId, userId, "Cannot remove the last owner");
    await tx.membership.delete({ where: { projectId_userId: { projectId, userId } } });
    await appendAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: "member.removed",
      entityType: "member",
      entityId: userId,
      data: { before: { role: before } },
    });
  });
}
