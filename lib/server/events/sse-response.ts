import "server-only";
import type { StreamCursor } from "./stream-events";

/** Where a client resumes: Last-Event-ID after a drop, else `?since=` (the seq its page was rendered at). */
export function streamCursorOf(request: Request): StreamCursor {
  return { lastEventId: request.headers.get("last-event-id"), since: new URL(request.url).searchParams.get("since") };
}

export function sseResponse(stream: ReadableStream<Uint8Array>): Response {
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps compression from buffering the stream; proxies are told not to buffer.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
