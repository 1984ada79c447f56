import { apiHandler } from "@/lib/server/api-handler";
import { createInvite } from "@/lib/server/members/create-invite";
import { listPendingInvites } from "@/lib/server/members/list-invites";

export const GET = apiHandler(async ({ actor, params }) => ({
  invites: await listPendingInvites(actor, params.projectId!),
}));

export const POST = apiHandler(
  async ({ actor, params, body, request }) => {
    const { id, token, url, role, label, expiresAt } = await createInvite(
      actor,
      params.projectId!,
      await body(),
      process.env.AUTH_URL ?? new URL(request.url).origin,
    );
    return { id, token, url, role, label, expiresAt };
  },
  { status: 201 },
);
