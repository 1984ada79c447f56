import { apiHandler } from "@/lib/server/api-handler";
import { streamDecisionEvents } from "@/lib/server/events/stream-decision-events";

// A stream must never be cached or prerendered.
export const dynamic = "force-dynamic";

export const GET = apiHandler(async ({ actor, params, request }) => {
  const url = new URL(request.url);
  const stream = await streamDecisionEvents(
    actor,
    params.decisionId!,
    { lastEventId: request.headers.get("last-event-id"), since: url.searchParams.get("since") },
    request.signal,
  );
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps compression from buffering the stream; proxies are told not to buffer.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
});
