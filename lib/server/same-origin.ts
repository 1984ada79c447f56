// Cookie-authenticated writes must come from the app's own pages. A browser attaches the session
// cookie to any site's form post or fetch, so without this check another site could act for a
// signed-in user (CSRF). Bearer-token callers are scripts that hold a secret and are not checked.
import "server-only";
import { AppError } from "../errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const JSON_BODY = ["application/json"] as const;

/**
 * The origins the app's pages are served from: AUTH_URL's (the public address behind a proxy) and
 * the host the request itself was addressed to. Only the host is compared for the latter, because
 * a TLS-terminating proxy hands Next `http://` while the browser's Origin says `https://`.
 */
function isOwnOrigin(origin: string, request: Request): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // includes the opaque "null" origin of sandboxed frames and file:// pages
  }
  const configured = process.env.AUTH_URL;
  if (configured) {
    try {
      if (new URL(configured).origin === parsed.origin) return true;
    } catch {
      // A malformed AUTH_URL is reported by Auth.js itself; fall through to the request's host.
    }
  }
  return parsed.host === new URL(request.url).host;
}

/**
 * Refuses (403) a cookie-authenticated write that is not provably same-origin, or whose body is of a
 * type an HTML form on another site could send without a CORS preflight. `bodyTypes` are the media
 * types the route reads; a body-less request (no content type, no length) passes the type check.
 */
export function assertSameOriginWrite(request: Request, bodyTypes: readonly string[] = JSON_BODY): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  const sameOrigin = origin !== null ? isOwnOrigin(origin, request) : fetchSite === "same-origin";
  if (!sameOrigin) {
    throw new AppError(
      "forbidden",
      "Signed-in writes are accepted only from this app's own pages. Scripts and other sites must send `Authorization: Bearer <token>`.",
    );
  }
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const length = request.headers.get("content-length");
  const hasBody = type !== "" || (length !== null && length !== "0");
  if (hasBody && !bodyTypes.includes(type)) {
    throw new AppError(
      "forbidden",
      `Signed-in writes must send their body as ${bodyTypes.join(" or ")}, not ${type || "an untyped body"}.`,
    );
  }
}
