// Opens a decision's or a project's event stream through the real route handler and reads it as a browser would.
import path from "node:path";

export interface StreamedEvent {
  id: string | null;
  event: string;
  data: any;
}

export interface OpenStream {
  status: number;
  headers: Headers;
  /** Everything received so far, unparsed: what a reader could see. */
  raw(): string;
  /** Whether the server ended the stream. */
  ended(): boolean;
  events(): StreamedEvent[];
  waitFor(predicate: (event: StreamedEvent) => boolean, timeoutMs?: number): Promise<StreamedEvent>;
  close(): void;
}

const DECISION_ROUTE = path.resolve(__dirname, "../../app/api/v1/decisions/[decisionId]/events/route.ts");
const PROJECT_ROUTE = path.resolve(__dirname, "../../app/api/v1/projects/[projectId]/events/route.ts");

type StreamOptions = { token?: string; headers?: Record<string, string>; query?: string };

export function openEventStream(decisionId: string, options: StreamOptions = {}): Promise<OpenStream> {
  return openStreamAt(DECISION_ROUTE, `/api/v1/decisions/${decisionId}/events`, { decisionId }, options);
}

export function openProjectEventStream(projectId: string, options: StreamOptions = {}): Promise<OpenStream> {
  return openStreamAt(PROJECT_ROUTE, `/api/v1/projects/${projectId}/events`, { projectId }, options);
}

export function parseEventStream(text: string): StreamedEvent[] {
  return text
    .split("\n\n")
    .map((block) => block.split("\n").filter((line) => line && !line.startsWith(":")))
    .filter((lines) => lines.some((line) => line.startsWith("data:")))
    .map((lines) => {
      const field = (name: string) => lines.find((line) => line.startsWith(`${name}:`))?.slice(name.length + 1).trim() ?? null;
      return { id: field("id"), event: field("event") ?? "message", data: JSON.parse(field("data") ?? "null") };
    });
}

async function openStreamAt(
  route: string,
  urlPath: string,
  params: Record<string, string>,
  options: StreamOptions,
): Promise<OpenStream> {
  const { GET } = (await import(route)) as { GET: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> };
  const abort = new AbortController();
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const request = new Request(`http://localhost:3000${urlPath}${options.query ?? ""}`, {
    headers,
    signal: abort.signal,
  });
  const response = await GET(request, { params: Promise.resolve(params) });
  let text = "";
  let ended = false;
  const waiters = new Set<() => void>();
  if (response.body && response.headers.get("content-type")?.startsWith("text/event-stream")) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) {
            ended = true;
            break;
          }
          text += decoder.decode(value, { stream: true });
          for (const wake of waiters) wake();
        }
      } catch {
        // aborted
      }
    })();
  } else {
    text = await response.text();
  }
  return {
    status: response.status,
    headers: response.headers,
    raw: () => text,
    ended: () => ended,
    events: () => parseEventStream(text),
    waitFor(predicate, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = parseEventStream(text).find(predicate);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got:\n${text}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      abort.abort();
    },
  };
}
