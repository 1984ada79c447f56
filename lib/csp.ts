// The app's security headers in one place: a per-request, nonce-based Content-Security-Policy for
// pages (set by proxy.ts) and the static headers every response carries (set in next.config.ts).

/**
 * Scripts run only with this request's nonce; 'strict-dynamic' lets Next's own nonced bootstrap load
 * its chunks. Styles allow 'unsafe-inline' because React `style={…}` attributes (recharts' SVG, bar
 * widths) are inline style attributes, which a nonce cannot cover; CSS cannot run script.
 * `dev`: React's development build evaluates code for its debugging tools, so it needs 'unsafe-eval'.
 */
export function contentSecurityPolicy({ nonce, dev = false }: { nonce: string; dev?: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** 128 random bits, base64: unguessable and fresh for every page view. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Headers that do not vary by request; `frame-ancestors` above covers browsers that read CSP. */
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

/**
 * HSTS only when the page was reached over https: directly, through a TLS-terminating proxy
 * (X-Forwarded-Proto), or when the app's public address (AUTH_URL) is https. Browsers ignore the
 * header on plain http, so a forged X-Forwarded-Proto on an http request achieves nothing.
 */
export function strictTransportSecurity(request: { url: string; headers: Headers }): string | null {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const https =
    new URL(request.url).protocol === "https:" ||
    forwarded === "https" ||
    (process.env.AUTH_URL ?? "").toLowerCase().startsWith("https://");
  return https ? "max-age=63072000; includeSubDomains" : null;
}
