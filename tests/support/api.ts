// Calls the real JSON API route handlers in-process, resolving a URL path to app/api/v1/**/route.ts
// the way Next does, so integration tests exercise routing params, auth, parsing and error mapping.
import fs from "node:fs";
import path from "node:path";
import { createApiToken } from "@/lib/server/tokens/create-api-token";
import type { Actor } from "@/lib/server/actor";

const API_ROOT = path.resolve(__dirname, "../../app/api/v1");

function resolveRoute(urlPath: string): { file: string; params: Record<string, string> } {
  const segments = urlPath.replace(/^\/api\/v1\/?/, "").split("?")[0]!.split("/").filter(Boolean);
  let dir = API_ROOT;
  const params: Record<string, string> = {};
  for (const segment of segments) {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
    const exact = entries.find((e) => e.name === segment);
    const dynamic = entries.find((e) => /^\[[^.\]]+\]$/.test(e.name));
    if (exact) dir = path.join(dir, exact.name);
    else if (dynamic) {
      params[dynamic.name.slice(1, -1)] = decodeURIComponent(segment);
      dir = path.join(dir, dynamic.name);
    } else throw new Error(`no API route for ${urlPath}`);
  }
  return { file: path.join(dir, "route.ts"), params };
}

export interface ApiResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export async function api<T = any>(
  method: string,
  urlPath: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  const { file, params } = resolveRoute(urlPath);
  const mod = (await import(file)) as Record<string, (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>;
  const handler = mod[method];
  if (!handler) return { status: 405, body: null as T, headers: new Headers(), text: "" };
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] = "application/json";
  }
  const request = new Request(`http://localhost:3000${urlPath.startsWith("/api") ? urlPath : `/api/v1${urlPath}`}`, {
    method,
    headers,
    body,
  });
  // As Next does: a route without dynamic segments is handed no params object at all.
  const routeParams = (Object.keys(params).length > 0 ? params : undefined) as Record<string, string>;
  const response = await handler(request, { params: Promise.resolve(routeParams) });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed as T, headers: response.headers, text };
}

/** A personal API token for a test user, made through the real operation. */
export async function tokenFor(actor: Actor): Promise<string> {
  return (await createApiToken({ ...actor, via: "session" }, { name: "tests" })).token;
}

/**
 * GET a decision's results, reading again while its uncertainty figures are still computing (they are
 * computed after the commit that changed the ballots, see lib/server/decisions/figures-job.ts).
 */
export async function resultsWhenReady<T = any>(decisionId: string, token: string, timeoutMs = 30_000): Promise<ApiResult<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await api<T>("GET", `/decisions/${decisionId}/results`, { token });
    if (res.status !== 200 || (res.body as { figures?: string }).figures !== "computing") return res;
    if (Date.now() > until) throw new Error(`the uncertainty figures of ${decisionId} were still computing after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
