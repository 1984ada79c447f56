import { apiHandler } from "@/lib/server/api-handler";
import { revokeInvite } from "@/lib/server/members/revoke-invite";

export const DELETE = apiHandler(async ({ actor, params }) => {
  await revokeInvite(actor, params.projectId!, params.inviteId!);
});
