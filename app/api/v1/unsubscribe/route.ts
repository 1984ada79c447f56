// RFC 8058 one-click unsubscribe: mail clients POST here with the token from List-Unsubscribe.
import { publicHandler } from "@/lib/server/api-handler";
import { parseInput } from "@/lib/server/parse-input";
import { unsubscribeWithToken } from "@/lib/server/notifications/preferences";
import { unsubscribeQuerySchema } from "@/lib/schemas/notification";

export const POST = publicHandler(async (request) => {
  const { token } = parseInput(unsubscribeQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  const { kind } = await unsubscribeWithToken(token);
  return { unsubscribed: kind };
});
