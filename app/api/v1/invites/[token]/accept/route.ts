import { apiHandler } from "@/lib/server/api-handler";
import { acceptInvite } from "@/lib/server/members/accept-invite";

export const POST = apiHandler(async ({ actor, params }) => acceptInvite(actor, params.token!));
