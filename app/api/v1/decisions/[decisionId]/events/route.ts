import { apiHandler } from "@/lib/server/api-handler";
import { sseResponse, streamCursorOf } from "@/lib/server/events/sse-response";
import { streamDecisionEvents } from "@/lib/server/events/stream-events";

// A stream must never be cached or prerendered.
export const dynamic = "force-dynamic";

export const GET = apiHandler(async ({ actor, params, request }) =>
  sseResponse(await streamDecisionEvents(actor, params.decisionId!, streamCursorOf(request), request.signal)),
);
