import { apiHandler } from "@/lib/server/api-handler";
import { changeMemberRole } from "@/lib/server/members/change-member-role";
import { removeMember } from "@/lib/server/members/remove-member";

export const PATCH = apiHandler(async ({ actor, params, body }) =>
  changeMemberRole(actor, params.projectId!, params.userId!, await body()),
);
export const DELETE = apiHandler(async ({ actor, params }) => {
  await removeMember(actor, params.projectId!, params.userId!);
});
