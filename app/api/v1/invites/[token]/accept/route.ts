import { apiHandler } from "@/lib/server/api-handler";
import { acceptInvite } from "@/lib/server/members";

export const POST = apiHandler(async ({ actor, params }) => acceptInvite(actor, params.token!));
