import { apiHandler } from "@/lib/server/api-handler";
import { listInbox } from "@/lib/server/notifications/inbox";

export const GET = apiHandler(async ({ request, actor }) =>
  listInbox(actor, Object.fromEntries(new URL(request.url).searchParams)),
);
