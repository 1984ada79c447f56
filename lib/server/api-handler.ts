import "server-only";
import {
  AppError,
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
  isRecordNotFound,
  isTransactionTimeout,
  isUniqueViolation,
  TRANSACTION_TIMEOUT_MESSAGE,
} from "../errors";
import { isPlausibleId } from "../schemas/text";
import type { Actor } from "./actor";
import { requestActor } from "./actor";
import { assertSameOriginWrite, JSON_BODY } from "./same-origin";

const MAX_BODY_BYTES = 1_000_000;

type Params = Record<string, string>;

interface Context {
  request: Request;
  params: Params;
  actor: Actor;
  /** The parsed JSON body: a 400 if it is missing, too large or not JSON. */
  body: () => Promise<unknown>;
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    const headers = typeof retryAfter === "number" ? { "Retry-After": String(retryAfter) } : undefined;
    return Response.json(error.toJSON(), { status: error.status, headers });
  }
  if (isUniqueViolation(error)) {
    return Response.json(new AppError("conflict", "This conflicts with something that already exists.").toJSON(), {
      status: 409,
    });
  }
  if (isRecordNotFound(error)) return Response.json(new AppError("not_found", "Not found.").toJSON(), { status: 404 });
  if (isDatabaseUnavailable(error)) {
    // One line, not a stack per request: the outage is the news, and health reports it too.
    console.warn(`Database unavailable: ${(error as Error).message?.trim().split("\n").pop()}`);
    return Response.json(new AppError("unavailable", DATABASE_UNAVAILABLE_MESSAGE).toJSON(), {
      status: 503,
      headers: { "Retry-After": "5" },
    });
  }
  if (isTransactionTimeout(error)) {
    console.warn(`Transaction timed out: ${(error as Error).message?.trim().split("\n").pop()}`);
    return Response.json(new AppError("unavailable", TRANSACTION_TIMEOUT_MESSAGE).toJSON(), {
      status: 503,
      headers: { "Retry-After": "5" },
    });
  }
  console.error(error);
  return Response.json({ error: { code: "internal", message: "Something went wrong on our side. Try again." } }, { status: 500 });
}

export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new AppError("bad_request", `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new AppError("bad_request", `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  }
  if (text.trim() === "") throw new AppError("bad_request", "The request needs a JSON body.");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("bad_request", `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Authenticates the caller (session or token), hands over params and body, maps errors to JSON.
 * `bodyTypes`: the media types the route reads, for the same-origin check of cookie callers.
 */
export function apiHandler(
  handler: (context: Context) => Promise<Response | unknown>,
  options: { status?: number; bodyTypes?: readonly string[] } = {},
) {
  return async (request: Request, route: { params: Promise<Params> }) => {
    try {
      const actor = await requestActor(request);
      if (actor.via === "session") assertSameOriginWrite(request, options.bodyTypes ?? JSON_BODY);
      // A route without dynamic segments gets no params object at all.
      const params = (await route?.params) ?? {};
      if (!Object.values(params).every(isPlausibleId)) throw new AppError("not_found", "Not found: no such id.");
      const result = await handler({ request, params, actor, body: () => readJsonBody(request) });
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 204 });
      return Response.json(result, { status: options.status ?? 200 });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The same, for the few calls that need no account (health, sign-up). */
export function publicHandler(handler: (request: Request) => Promise<Response | unknown>, options: { status?: number } = {}) {
  return async (request: Request) => {
    try {
      const result = await handler(request);
      if (result instanceof Response) return result;
      return Response.json(result, { status: options.status ?? 200 });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
