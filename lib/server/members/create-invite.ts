import "server-only";
import crypto from "node:crypto";
import { getDb } from "../../db";
import { createInviteSchema } from "../../schemas/project";
import type { Actor } from "../actor";
import { requirePermission, requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { parseInput } from "../parse-input";
import { hashToken } from "../token-hash";

const inviteTtlMs = () => Number(process.env.INVITE_TTL_DAYS ?? 7) * 24 * 60 * 60 * 1000;

function inviteUrl(token: string, baseUrl = process.env.AUTH_URL ?? "http://localhost:3000") {
  return `${baseUrl.replace(/\/$/, "")}/invites/${token}`;
}

export async function createInvite(actor: Actor, projectId: string, raw: unknown, baseUrl?: string) {
  await requirePermission(projectId, actor.userId, "members.manage");
  const { role } = parseInput(createInviteSchema, raw);
  const token = crypto.randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + inviteTtlMs());
  await getDb().$transaction(async (tx) => {
    await requirePermissionInTx(tx, projectId, actor.userId, "members.manage");
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
