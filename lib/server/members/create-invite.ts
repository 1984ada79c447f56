import "server-only";
import { createInviteSchema } from "../../schemas/project";
import type { Actor } from "../actor";
import { requirePermission } from "../access";
import { parseInput } from "../parse-input";
import { createInvites } from "./create-invites";

/** One invite link (the API's call); the members page makes several at once with createInvites. */
export async function createInvite(actor: Actor, projectId: string, raw: unknown, baseUrl?: string) {
  await requirePermission(projectId, actor.userId, "members.manage");
  const { role, label } = parseInput(createInviteSchema, raw);
  const [invite] = await createInvites(actor, projectId, { role, labels: label ? [label] : [] }, baseUrl);
  return invite!;
}
