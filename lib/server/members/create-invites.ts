import "server-only";
import crypto from "node:crypto";
import { getDb } from "../../db";
import { createInvitesSchema } from "../../schemas/project";
import type { Actor } from "../actor";
import { requirePermission, requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { parseInput } from "../parse-input";
import { hashToken } from "../token-hash";

const inviteTtlMs = () => Number(process.env.INVITE_TTL_DAYS ?? 7) * 24 * 60 * 60 * 1000;

export function inviteUrl(token: string, baseUrl = process.env.AUTH_URL ?? "http://localhost:3000") {
  return `${baseUrl.replace(/\/$/, "")}/invites/${token}`;
}

/**
 * One-time invite links for one role: one per label when labels are given, else `count` of them.
 * All are made in one transaction, each with its own audit event, so a refusal makes none.
 */
export async function createInvites(actor: Actor, projectId: string, raw: unknown, baseUrl?: string) {
  await requirePermission(projectId, actor.userId, "members.manage");
  const input = parseInput(createInvitesSchema, raw);
  const labels = input.labels.filter((label) => label !== "");
  const wanted = labels.length > 0 ? labels : Array.from({ length: input.count }, () => "");
  const expiresAt = new Date(Date.now() + inviteTtlMs());
  const tokens = wanted.map(() => crypto.randomBytes(24).toString("base64url"));
  const ids = await getDb().$transaction(async (tx) => {
    await requirePermissionInTx(tx, projectId, actor.userId, "members.manage");
    const created: string[] = [];
    for (const [index, label] of wanted.entries()) {
      const invite = await tx.invite.create({
        data: {
          projectId,
          role: input.role,
          label,
          tokenHash: hashToken(tokens[index]!),
          createdById: actor.userId,
          expiresAt,
        },
      });
      await appendAuditEvent(tx, {
        projectId,
        actorId: actor.userId,
        action: "invite.created",
        entityType: "invite",
        entityId: invite.id,
        data: {
          after: { role: input.role, expiresAt: expiresAt.toISOString(), ...(label ? { label } : {}) },
        },
      });
      created.push(invite.id);
    }
    return created;
  });
  return ids.map((id, index) => ({
    id,
    token: tokens[index]!,
    url: inviteUrl(tokens[index]!, baseUrl),
    role: input.role,
    label: wanted[index]!,
    expiresAt,
  }));
}
