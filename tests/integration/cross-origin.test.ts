// Session-cookie writes must come from the app's own origin with a JSON body; tokens are unaffected.
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { api, tokenFor } from "../support/api";
import { makeUser } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

// The session cookie is Auth.js's business; here "has a cookie" means "auth() returns this user".
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, sessionId: "test-session" } : null),
}));

const COOKIE = { cookie: "authjs.session-token=test" };
const APP_ORIGIN = "http://localhost:3000"; // the origin the test requests are addressed to

describeOnEachDatabase("cross-origin writes with a session cookie", (db) => {
  let authUrl: string | undefined;
  beforeEach(async () => {
    session.userId = (await makeUser("Cookie")).userId;
    authUrl = process.env.AUTH_URL;
    delete process.env.AUTH_URL;
  });
  afterEach(() => {
    if (authUrl === undefined) delete process.env.AUTH_URL;
    else process.env.AUTH_URL = authUrl;
  });

  const projectCount = () => db().prisma.project.count();

  it("refuses a cookie POST from another site's origin with 403 and creates nothing", async () => {
    const before = await projectCount();
    const result = await api("POST", "/projects", {
      body: { name: "From evil" },
      headers: { ...COOKIE, origin: "http://evil.example" },
    });
    expect(result.status).toBe(403);
    expect(result.body.error).toMatchObject({ code: "forbidden", message: expect.stringMatching(/own pages/) });
    expect(await projectCount()).toBe(before);
  });

  it("refuses a text/plain cookie POST (what a cross-site form can send) even from the app's origin", async () => {
    const before = await projectCount();
    const result = await api("POST", "/projects", {
      rawBody: JSON.stringify({ name: "Plain" }),
      headers: { ...COOKIE, origin: APP_ORIGIN, "content-type": "text/plain" },
    });
    expect(result.status).toBe(403);
    expect(result.body.error.message).toMatch(/application\/json/);
    expect(await projectCount()).toBe(before);
  });

  it("refuses a cookie write with neither Origin nor Sec-Fetch-Site, or from a cross-site fetch", async () => {
    const bare = await api("POST", "/projects", { body: { name: "Bare" }, headers: COOKIE });
    expect(bare.status).toBe(403);
    const crossSite = await api("POST", "/projects", {
      body: { name: "Cross" },
      headers: { ...COOKIE, "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    const opaque = await api("POST", "/projects", { body: { name: "Null" }, headers: { ...COOKIE, origin: "null" } });
    expect(opaque.status).toBe(403);
  });

  it("accepts a same-origin JSON cookie write, by Origin, by Sec-Fetch-Site, or by AUTH_URL behind a proxy", async () => {
    const byOrigin = await api("POST", "/projects", {
      body: { name: "Same origin" },
      headers: { ...COOKIE, origin: APP_ORIGIN },
    });
    expect(byOrigin.status).toBe(201);
    const charset = await api("POST", "/projects", {
      rawBody: JSON.stringify({ name: "With charset" }),
      headers: { ...COOKIE, origin: APP_ORIGIN, "content-type": "application/json; charset=utf-8" },
    });
    expect(charset.status).toBe(201);
    const byFetchSite = await api("POST", "/projects", {
      body: { name: "Fetch site" },
      headers: { ...COOKIE, "sec-fetch-site": "same-origin" },
    });
    expect(byFetchSite.status).toBe(201);
    process.env.AUTH_URL = "https://verdict.example.org";
    const proxied = await api("POST", "/projects", {
      body: { name: "Proxied" },
      headers: { ...COOKIE, origin: "https://verdict.example.org" },
    });
    expect(proxied.status).toBe(201);
  });

  it("leaves cookie reads alone", async () => {
    const list = await api("GET", "/projects", { headers: { ...COOKIE, origin: "http://evil.example" } });
    expect(list.status).toBe(200);
  });

  it("leaves Bearer-token calls alone, whatever their Origin", async () => {
    const token = await tokenFor({ userId: session.userId!, via: "session" });
    session.userId = null;
    const result = await api("POST", "/projects", {
      token,
      body: { name: "Scripted" },
      headers: { origin: "http://evil.example" },
    });
    expect(result.status).toBe(201);
  });

  it("lets the record import upload multipart from the app's origin, but not from another site", async () => {
    const project = await api("POST", "/projects", { body: { name: "Imports" }, headers: { ...COOKIE, origin: APP_ORIGIN } });
    const { POST } = await import("@/app/api/v1/projects/[projectId]/records/import/route");
    const upload = (origin: string) => {
      const form = new FormData();
      form.set("file", new Blob([new Uint8Array([1, 2, 3])], { type: "application/zip" }), "records.zip");
      return POST(
        new Request(`${APP_ORIGIN}/api/v1/projects/${project.body.id}/records/import`, {
          method: "POST",
          headers: { ...COOKIE, origin },
          body: form,
        }),
        { params: Promise.resolve({ projectId: project.body.id }) },
      );
    };
    const own = await upload(APP_ORIGIN);
    // Past the origin check: the bytes are not a zip, which the importer itself reports.
    expect(own.status).toBe(422);
    expect((await own.json()).error.message).not.toMatch(/own pages/);
    expect((await upload("http://evil.example")).status).toBe(403);
  });
});
