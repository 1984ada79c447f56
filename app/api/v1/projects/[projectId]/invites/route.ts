import { apiHandler } from "@/lib/server/api-handler";
import { createInvite } from "@/lib/server/members/create-invite";

export const POST = apiHandler(
  async ({ actor, params, body, request }) =>
    createInvite(actor, params.projectId!, await body(), process.env.AUTH_URL ?? new URL(request.url).origin),
  { status: 201 },
);
