import "server-only";
import { AppError, isRecordNotFound, isUniqueViolation } from "../errors";
import type { Actor } from "./actor";
import { requestActor } from "./actor";

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

/** Authenticates the caller (session or token), hands over params and body, maps errors to JSON. */
export function apiHandler(
  handler: (context: Context) => Promise<Response | unknown>,
  options: { status?: number } = {},
) {
  return async (request: Request, route: { params: Promise<Params> }) => {
    try {
      const actor = await requestActor(request);
      const params = await route.params;
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
