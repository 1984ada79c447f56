// Hostile input to every JSON API route: the answer is always a 4xx (never a 5xx), a refused request
// changes nothing in the database, and text the database cannot store is a 422 naming its field.
// Routes are found on disk, so a new route file is fuzzed without anyone remembering to add it.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { tokenFor, api } from "../support/api";
import { ballotFrom, createOpenDecision, frameworkDecision } from "../support/decisions";
import { makeTeam } from "../support/factories";
import { describeOnEachDatabase, type TestDb } from "../support/test-db";

const API_ROOT = path.resolve(__dirname, "../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface Route {
  /** Path under /api/v1 with its [param] segments, e.g. "decisions/[decisionId]/ballot". */
  pattern: string;
  method: (typeof METHODS)[number];
  handler: Handler;
}

function routeFiles(dir = API_ROOT): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

async function discoverRoutes(): Promise<Route[]> {
  const routes: Route[] = [];
  for (const file of routeFiles()) {
    const pattern = path.relative(API_ROOT, path.dirname(file)).split(path.sep).join("/");
    const mod = (await import(file)) as Record<string, Handler | undefined>;
    for (const method of METHODS) {
      const handler = mod[method];
      if (handler) routes.push({ pattern, method, handler });
    }
  }
  return routes;
}

const NUL = "a\u0000b";
const LONE_HIGH = "x\uD800y";
const LONE_LOW = "\uDC00";
const UNSTORABLE = [NUL, LONE_HIGH, LONE_LOW];

const GENERIC_BODIES: Record<string, string> = {
  array: "[]",
  string: '"text"',
  number: "42",
  null: "null",
  true: "true",
  truncated: '{"name": "x"',
  infinity: "1e309",
  proto: '{"__proto__":{"admin":true}}',
  constructorPrototype: '{"constructor":{"prototype":{"admin":true}}}',
  deepArray: "[".repeat(10_000) + "]".repeat(10_000),
  deepObject: '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000),
  huge: JSON.stringify({ name: "x".repeat(2_000_000) }),
  nulKey: '{"na\\u0000me":"x"}',
  surrogateKey: '{"\\ud800":"x"}',
};

const HOSTILE_IDS = ["\u0000", "%00", "../x", "..%2Fx", "\uD800", "a\uDC00", "x".repeat(300), "a b", "<script>", ""];

const QUERY_KEYS = ["q", "status", "after", "limit", "order", "actor", "action", "entityType", "entityId", "from", "to"];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every leaf of a JSON value with its path, so each one can be spoiled in turn. */
function leaves(value: Json, at: (string | number)[] = []): { path: (string | number)[]; value: Json }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...at, i]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, k]));
  return [{ path: at, value }];
}

function replaceAt(value: Json, at: (string | number)[], replacement: Json): Json {
  if (at.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, Json>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[at[at.length - 1]!] = replacement;
  return copy as Json;
}

/** Spoiled copies of a valid body: bad text and wrong types at each leaf, 1e309 for each number. */
function spoiledBodies(valid: Json) {
  const cases: { label: string; raw: string; unstorableAt?: string }[] = [];
  for (const leaf of leaves(valid)) {
    const where = leaf.path.join(".");
    if (typeof leaf.value === "string") {
      for (const bad of UNSTORABLE) {
        cases.push({ label: `${where} = ${JSON.stringify(bad)}`, raw: JSON.stringify(replaceAt(valid, leaf.path, bad)), unstorableAt: where });
      }
      cases.push({ label: `${where} as number`, raw: JSON.stringify(replaceAt(valid, leaf.path, 7)) });
    } else {
      cases.push({ label: `${where} as text`, raw: JSON.stringify(replaceAt(valid, leaf.path, "7")) });
    }
    cases.push({ label: `${where} as object`, raw: JSON.stringify(replaceAt(valid, leaf.path, { nested: [1] })) });
    if (typeof leaf.value === "number") {
      const marker = "__INFINITY__";
      cases.push({ label: `${where} = 1e309`, raw: JSON.stringify(replaceAt(valid, leaf.path, marker)).replace(`"${marker}"`, "1e309") });
    }
  }
  const valid_ = JSON.stringify(valid);
  cases.push({ label: "__proto__ beside valid fields", raw: `{"__proto__":{"admin":true},${valid_.slice(1)}` });
  return cases;
}

/** A fingerprint of every table but API tokens (whose lastUsedAt each Bearer call moves). */
async function stateOf(db: TestDb): Promise<Record<string, string>> {
  const tables = (await db.sql(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('ApiToken', '_prisma_migrations') ORDER BY table_name`,
  )) as { name: string }[];
  const select = tables
    .map(({ name }) => `(SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "${name}" t) AS "${name}"`)
    .join(", ");
  const [row] = (await db.sql(`SELECT ${select}`)) as Record<string, string>[];
  return row!;
}

describeOnEachDatabase("hostile input to every API route", (db) => {
  let routes: Route[];
  let token: string;
  let params: Record<string, Record<string, string>>;
  let samples: Record<string, Json>;

  beforeAll(async () => {
    routes = await discoverRoutes();
    const team = await makeTeam("Fuzz");
    token = await tokenFor(team.owner);
    const leadToken = await tokenFor(team.lead);
    const open = await createOpenDecision(team.lead, team.project.id);
    const draft = await api("POST", `/projects/${team.project.id}/decisions`, { token: leadToken, body: frameworkDecision });
    const closed = await createOpenDecision(team.lead, team.project.id);
    await api("PUT", `/decisions/${closed.id}/ballot`, { token: leadToken, body: ballotFrom(closed, [[1, 2, 3], [3, 2, 1], [2, 2, 2]]) });
    await api("POST", `/decisions/${closed.id}/close`, { token: leadToken });
    const invite = await api("POST", `/projects/${team.project.id}/invites`, { token, body: { role: "MEMBER" } });
    const comment = await api("POST", `/decisions/${open.id}/comments`, { token: leadToken, body: { body: "A comment to fuzz" } });
    // A webhook to a closed local port: deliveries the fuzzing queues fail at once, reaching nothing.
    const webhook = await api("POST", `/projects/${team.project.id}/webhooks`, {
      token,
      body: { url: "http://127.0.0.1:9/fuzz", events: ["decision.opened"], allowPrivateAddresses: true },
    });
    const delivery = await api("POST", `/projects/${team.project.id}/webhooks/${webhook.body.id}/test`, { token });
    // Which real row each route's ids point at: the state in which its body is read.
    const decisionFor = (pattern: string, method: string) =>
      /\/(record|reopen)/.test(pattern) ? closed.id : /\/open$/.test(pattern) || (method === "PATCH" && pattern === "decisions/[decisionId]") ? draft.body.id : open.id;
    params = Object.fromEntries(
      routes.map((route) => [
        `${route.method} ${route.pattern}`,
        {
          projectId: team.project.id,
          decisionId: decisionFor(route.pattern, route.method),
          userId: team.member.userId,
          token: invite.body.token,
          inviteId: invite.body.id,
          commentId: comment.body.id,
          webhookId: webhook.body.id,
          deliveryId: delivery.body.id,
          seq: "1",
          version: "1",
        },
      ]),
    );
    const score = { optionId: open.options[0]!.id, criterionId: open.criteria[0]!.id, value: 3, rationale: "solid" };
    samples = {
      "POST projects": { name: "Fuzzed", description: "A project" },
      // (POST tokens needs a session, so a Bearer caller is refused before its body is read.)
      "POST signup": { email: "fuzz@example.test", password: "long enough pw", name: "Fuzz" },
      "POST projects/[projectId]/decisions": {
        title: "A title",
        context: "Some context",
        weightMode: "FIXED",
        revealPolicy: "LIVE",
        deadline: "2099-01-01T00:00:00Z",
        scale: { min: 0, max: 5 },
        options: [{ name: "A", description: "first", link: "https://example.test" }, { name: "B" }],
        criteria: [{ name: "Speed", description: "fast", weight: 2 }],
      },
      "PATCH decisions/[decisionId]": { title: "New title", context: "New context", criteria: [{ name: "Cost", weight: 1 }] },
      "PUT decisions/[decisionId]/ballot": { scores: [score], importances: [{ criterionId: score.criterionId, value: 5 }], comment: "ok" },
      "PUT decisions/[decisionId]/ballot/draft": { scores: [score], comment: "draft" },
      "POST decisions/[decisionId]/reopen": { reason: "new facts" },
      "POST projects/[projectId]/invites": { role: "MEMBER" },
      "PATCH projects/[projectId]/members/[userId]": { role: "LEAD" },
      "POST decisions/[decisionId]/record/versions": {
        context: "c",
        justification: "j",
        consequencesGood: "g",
        consequencesBad: "b",
        confirmation: "k",
        moreInformation: "m",
        chosenOptionId: closed.options[0]!.id,
        note: "n",
      },
      "POST decisions/[decisionId]/record/accept": { comment: "fine" },
      "POST decisions/[decisionId]/record/reject": { comment: "not this" },
      "POST decisions/[decisionId]/record/deprecate": { comment: "old" },
      "POST decisions/[decisionId]/record/supersede": { byDecisionId: open.id, comment: "newer" },
      "PUT decisions/[decisionId]/record/review": { reviewBy: "2030-06-30" },
      "POST decisions/[decisionId]/record/review/confirm": { nextReviewBy: "2099-01-01", comment: "still holds" },
      "POST projects/[projectId]/webhooks": {
        url: "http://127.0.0.1:9/fuzzed",
        events: ["decision.opened", "comment.posted"],
        format: "slack",
        secret: "a-fuzzed-secret-long-enough",
        active: false,
        allowPrivateAddresses: true,
        description: "fuzz",
      },
      "PATCH projects/[projectId]/webhooks/[webhookId]": { url: "http://127.0.0.1:9/other", events: ["decision.closed"], description: "changed", allowPrivateAddresses: true },
      "PUT me/notification-preferences": { preferences: [{ kind: "MENTIONED", email: false }] },
    };
  });

  async function call(route: Route, options: { params?: Record<string, string>; query?: string; raw?: string }) {
    const routeParams = options.params ?? params[`${route.method} ${route.pattern}`]!;
    const urlPath = route.pattern.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent((routeParams[name] ?? "x").replace(/[\uD800-\uDFFF]/g, "?")));
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (options.raw !== undefined) headers["content-type"] = "application/json";
    const request = new Request(`http://localhost:3000/api/v1/${urlPath}${options.query ?? ""}`, {
      method: route.method,
      headers,
      body: options.raw,
    });
    const response = await route.handler(request, { params: Promise.resolve(routeParams) });
    const text = await response.text();
    return { status: response.status, text };
  }

  // The database as the last refused request left it; re-read only after an accepted one.
  let knownState: Record<string, string> | undefined;

  /** Sends one hostile request; a refusal must be a 4xx JSON error that left the database as it was. */
  async function expectRefusedOrHarmless(route: Route, label: string, options: Parameters<typeof call>[1]) {
    const before = knownState ?? (await stateOf(db()));
    const result = await call(route, options);
    const where = `${route.method} /api/v1/${route.pattern} — ${label}`;
    expect(result.status, `${where}: ${result.text.slice(0, 300)}`).toBeLessThan(500);
    if (result.status >= 400) {
      expect(JSON.parse(result.text).error.code, where).toEqual(expect.any(String));
      knownState = await stateOf(db());
      expect(knownState, `${where} changed the database`).toEqual(before);
    } else {
      knownState = undefined;
    }
    return result;
  }

  it("finds the API's routes on disk", () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((r) => `${r.method} ${r.pattern}`)).toContain("POST projects");
  });

  it("refuses text the database cannot store with 422 naming the field, and wrong types and 1e309 with 4xx", async () => {
    for (const [key, valid] of Object.entries(samples)) {
      const route = routes.find((r) => `${r.method} ${r.pattern}` === key);
      expect(route, `no route for sample ${key}`).toBeDefined();
      for (const spoiled of spoiledBodies(valid)) {
        const result = await expectRefusedOrHarmless(route!, spoiled.label, { raw: spoiled.raw });
        if (spoiled.unstorableAt !== undefined) {
          expect(result.status, `${key} ${spoiled.label}: ${result.text.slice(0, 300)}`).toBe(422);
          const issues = JSON.parse(result.text).error.details.issues as { path: string }[];
          expect(issues.map((issue) => issue.path), `${key} ${spoiled.label}`).toContain(spoiled.unstorableAt);
        }
      }
    }
  });

  it("answers malformed, hostile, huge and deeply nested bodies with 4xx on every write route", async () => {
    // Routes that read no body may accept these; run them last so they cannot spoil the others' state.
    const writes = routes
      .filter((r) => r.method !== "GET" && r.method !== "DELETE")
      .sort((a, b) => Number(`${a.method} ${a.pattern}` in samples === false) - Number(`${b.method} ${b.pattern}` in samples === false));
    for (const route of writes) {
      for (const [label, raw] of Object.entries(GENERIC_BODIES)) {
        const result = await expectRefusedOrHarmless(route, label, { raw });
        if (`${route.method} ${route.pattern}` in samples) expect(result.status, `${route.method} ${route.pattern} ${label}`).toBeGreaterThanOrEqual(400);
      }
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("answers hostile query parameters on every read with 4xx or a harmless answer", async () => {
    // The event stream stays open by design (its own tests, live-events.test.ts, read it with a deadline).
    for (const route of routes.filter((r) => r.method === "GET" && !r.pattern.endsWith("/events"))) {
      for (const key of QUERY_KEYS) await expectRefusedOrHarmless(route, `${key}=%00`, { query: `?${key}=a%00b` });
      for (const value of ["%ED%A0%80", "1e309", "-1", "x".repeat(5000), "%FF"]) {
        await expectRefusedOrHarmless(route, `all keys = ${value.slice(0, 12)}`, { query: `?${QUERY_KEYS.map((k) => `${k}=${value}`).join("&")}` });
      }
    }
  });

  it("answers 404 to an id that cannot exist in any path, on every route and method", async () => {
    // DELETE goes here only: with a real id it would succeed and remove the fixtures' member.
    for (const route of routes) {
      const names = [...route.pattern.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!);
      for (const name of names) {
        for (const bad of HOSTILE_IDS) {
          const routeParams = { ...params[`${route.method} ${route.pattern}`]!, [name]: bad };
          const result = await expectRefusedOrHarmless(route, `${name}=${JSON.stringify(bad)}`, { params: routeParams, raw: route.method === "GET" ? undefined : "{}" });
          expect(result.status, `${route.method} ${route.pattern} ${name}=${JSON.stringify(bad)}: ${result.text}`).toBe(404);
        }
      }
    }
  });
});
