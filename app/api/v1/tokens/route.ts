import { apiHandler } from "@/lib/server/api-handler";
import { createApiToken, listApiTokens } from "@/lib/server/api-tokens";

export const GET = apiHandler(async ({ actor }) => ({ tokens: await listApiTokens(actor) }));
export const POST = apiHandler(async ({ actor, body }) => createApiToken(actor, await body()), { status: 201 });
