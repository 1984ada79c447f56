import { apiHandler } from "@/lib/server/api-handler";
import { publishNow } from "@/lib/server/git/publish-log";

// The body is optional: an empty POST retries what failed.
export const POST = apiHandler(async ({ actor, params, body, request }) =>
  publishNow(actor, params.projectId!, (await request.clone().text()).trim() ? await body() : {}),
);
