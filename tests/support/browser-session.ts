// Signs in through Auth.js's real route handlers (CSRF, credentials callback, session cookie), so
// tests can hold, copy and replay a session cookie the way a browser or a thief would.
process.env.AUTH_SECRET ??= "integration-tests-only-secret-0000000000000";

const BASE = "http://localhost:3000/api/auth";

type Handler = (request: Request) => Promise<Response>;

async function handlers(): Promise<{ GET: Handler; POST: Handler }> {
  const mod = await import("@/lib/auth");
  return mod.handlers as unknown as { GET: Handler; POST: Handler };
}

/** Cookies as a browser keeps them: name → value, updated from each response's Set-Cookie. */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair!.indexOf("=");
      const name = pair!.slice(0, index);
      const value = pair!.slice(index + 1);
      const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(line);
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  copy() {
    const other = new CookieJar();
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
    return other;
  }
}

async function send(jar: CookieJar, method: "GET" | "POST", path: string, form?: Record<string, string>) {
  const { GET, POST } = await handlers();
  const request = new Request(`${BASE}${path}`, {
    method,
    headers: {
      cookie: jar.header(),
      "user-agent": "Vitest Browser/1.0",
      ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  const response = await (method === "GET" ? GET : POST)(request);
  jar.store(response);
  return response;
}

async function csrfToken(jar: CookieJar) {
  const response = await send(jar, "GET", "/csrf");
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

export async function signInBrowser(email: string, password: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrf = await csrfToken(jar);
  await send(jar, "POST", "/callback/credentials", {
    csrfToken: csrf,
    email,
    password,
    callbackUrl: "/projects",
  });
  return jar;
}

/** Who the cookie in `jar` speaks for, as Auth.js's session endpoint answers. */
export async function sessionOf(
  jar: CookieJar,
): Promise<{ userId: string | null; sessionId: string | null }> {
  const response = await send(jar, "GET", "/session");
  const body = (await response.json()) as { user?: { id?: string }; sessionId?: string } | null;
  return { userId: body?.user?.id ?? null, sessionId: body?.sessionId ?? null };
}

export async function signOutBrowser(jar: CookieJar) {
  const csrf = await csrfToken(jar);
  await send(jar, "POST", "/signout", { csrfToken: csrf, callbackUrl: "/signin" });
}
