import { apiHandler } from "@/lib/server/api-handler";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { listApiTokens } from "@/lib/server/tokens/list-api-tokens";

export const GET = apiHandler(async ({ actor }) => ({ tokens: await listApiTokens(actor) }));
export const POST = apiHandler(async ({ actor, body }) => createApiToken(actor, await body()), { status: 201 });
