import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi";

const API_ROOT = path.resolve(__dirname, "../../app/api/v1");

/** "METHOD /path/{param}" for every handler exported by a route.ts under app/api/v1, sorted. */
function implementedCalls(): string[] {
  const routeFiles = (fs.readdirSync(API_ROOT, { recursive: true }) as string[]).filter(
    (file) => path.basename(file) === "route.ts",
  );
  return routeFiles
    .flatMap((file) => {
      const urlPath = `/${path.dirname(file)}`.replace(/\\/g, "/").replace(/\[([^\]]+)\]/g, "{$1}");
      const source = fs.readFileSync(path.join(API_ROOT, file), "utf8");
      const methods = [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)];
      return methods.map((m) => `${m[1]} ${urlPath}`);
    })
    .sort();
}

describe("OpenAPI document", () => {
  const doc = openApiDocument() as any;

  it("describes exactly the calls that app/api/v1's route files implement, each with its methods", () => {
    const described = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    // The document does not describe itself.
    const implemented = implementedCalls().filter((call) => call !== "GET /openapi.json");
    expect(described).toEqual(implemented);
    // Pinned by hand too, so a route deleted from disk together with its entry still fails here.
    expect(described).toEqual(
      [
        "GET /decisions/{decisionId}",
        "PATCH /decisions/{decisionId}",
        "GET /decisions/{decisionId}/ballot",
        "PUT /decisions/{decisionId}/ballot",
        "GET /decisions/{decisionId}/ballot/draft",
        "PUT /decisions/{decisionId}/ballot/draft",
        "GET /decisions/{decisionId}/ballots",
        "GET /decisions/{decisionId}/ballots.csv",
        "POST /decisions/{decisionId}/close",
        "GET /decisions/{decisionId}/comments",
        "POST /decisions/{decisionId}/comments",
        "DELETE /decisions/{decisionId}/comments/{commentId}",
        "PATCH /decisions/{decisionId}/comments/{commentId}",
        "PUT /decisions/{decisionId}/comments/{commentId}/cited",
        "GET /decisions/{decisionId}/comments/{commentId}/versions",
        "GET /decisions/{decisionId}/events",
        "GET /decisions/{decisionId}/export.json",
        "POST /decisions/{decisionId}/open",
        "GET /decisions/{decisionId}/record",
        "GET /decisions/{decisionId}/record.md",
        "POST /decisions/{decisionId}/record/accept",
        "POST /decisions/{decisionId}/record/deprecate",
        "POST /decisions/{decisionId}/record/reject",
        "PUT /decisions/{decisionId}/record/review",
        "POST /decisions/{decisionId}/record/review/confirm",
        "POST /decisions/{decisionId}/record/review/new-decision",
        "POST /decisions/{decisionId}/record/supersede",
        "POST /decisions/{decisionId}/record/versions",
        "GET /decisions/{decisionId}/record/versions/{version}",
        "POST /decisions/{decisionId}/reopen",
        "POST /decisions/{decisionId}/start-scoring",
        "GET /decisions/{decisionId}/results",
        "GET /health",
        "GET /inbox",
        "POST /inbox/read-all",
        "POST /inbox/{notificationId}/read",
        "POST /invites/{token}/accept",
        "GET /me/notification-preferences",
        "PUT /me/notification-preferences",
        "GET /projects",
        "POST /projects",
        "GET /projects/{projectId}",
        "GET /projects/{projectId}/audit",
        "GET /projects/{projectId}/audit/export.csv",
        "GET /projects/{projectId}/audit/export.jsonl",
        "GET /projects/{projectId}/audit/verify",
        "GET /projects/{projectId}/audit/{seq}",
        "GET /projects/{projectId}/decisions",
        "POST /projects/{projectId}/decisions",
        "GET /projects/{projectId}/invites",
        "POST /projects/{projectId}/invites",
        "DELETE /projects/{projectId}/invites/{inviteId}",
        "DELETE /projects/{projectId}/members/{userId}",
        "PATCH /projects/{projectId}/members/{userId}",
        "GET /projects/{projectId}/records",
        "GET /projects/{projectId}/records.zip",
        "POST /projects/{projectId}/records/import",
        "PUT /projects/{projectId}/records/settings",
        "GET /projects/{projectId}/search",
        "GET /projects/{projectId}/events",
        "GET /projects/{projectId}/webhooks",
        "POST /projects/{projectId}/webhooks",
        "GET /projects/{projectId}/webhooks/{webhookId}",
        "PATCH /projects/{projectId}/webhooks/{webhookId}",
        "DELETE /projects/{projectId}/webhooks/{webhookId}",
        "GET /projects/{projectId}/webhooks/{webhookId}/deliveries",
        "POST /projects/{projectId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver",
        "POST /projects/{projectId}/webhooks/{webhookId}/test",
        "GET /projects/{projectId}/repository",
        "PUT /projects/{projectId}/repository",
        "DELETE /projects/{projectId}/repository",
        "GET /projects/{projectId}/repository/publications",
        "POST /projects/{projectId}/repository/publications/{publicationId}/resolve",
        "POST /projects/{projectId}/repository/publish",
        "GET /decisions/{decisionId}/record/publication",
        "POST /signup",
        "GET /tokens",
        "POST /tokens",
        "POST /unsubscribe",
      ].sort(),
    );
  });

  it("describes the inbox and notification preferences from their zod schemas", () => {
    const inbox = doc.paths["/inbox"].get;
    expect(inbox.parameters.map((p: { name: string }) => p.name).sort()).toEqual(["before", "limit", "unread"]);
    expect(inbox.responses["200"].content["application/json"].schema.required).toEqual(expect.arrayContaining(["notifications", "unreadCount", "next"]));
    const put = doc.paths["/me/notification-preferences"].put.requestBody.content["application/json"].schema;
    expect(put.properties.preferences.items.properties.kind.enum).toContain("MENTIONED");
  });

  it("derives request bodies from the zod schemas, including refusing unknown fields", () => {
    const signup = doc.paths["/signup"].post.requestBody.content["application/json"].schema;
    expect(signup.required).toEqual(expect.arrayContaining(["email", "password", "name"]));
    expect(signup.additionalProperties).toBe(false);
    const ballot = doc.paths["/decisions/{decisionId}/ballot"].put.requestBody.content["application/json"].schema;
    expect(ballot.properties.scores.items.properties.value).toBeDefined();
  });

  it("describes the results response from its zod schema, rank acceptability and pivotal voters included", () => {
    const results = doc.paths["/decisions/{decisionId}/results"].get.responses["200"].content["application/json"].schema;
    expect(results.required).toEqual(expect.arrayContaining(["acceptability", "confidence", "confidenceSentence", "pivotalVoters", "medianWinnerOptionIds"]));
    expect(results.properties.flags.items.enum).toContain("median_disagrees");
    // Null while the figures are computing (figures: "computing"), else an object with the count.
    const pivotal = results.properties.pivotalVoters.anyOf as { type?: string; required?: string[] }[];
    expect(pivotal.find((s) => s.type === "object")?.required).toEqual(["count"]);
    expect(pivotal.some((s) => s.type === "null")).toBe(true);
    expect(results.properties.figures.enum).toEqual(["ready", "computing"]);
    expect(results.required).toContain("figures");
  });

  it("documents the error shape and path parameters", () => {
    const op = doc.paths["/projects/{projectId}"].get;
    expect(op.parameters[0]).toMatchObject({ name: "projectId", in: "path", required: true });
    expect(op.responses["404"].content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
  });
});

describe("OpenAPI document for records and audit", () => {
  const doc = openApiDocument() as any;

  it("describes the record and audit calls, with query parameters from their schemas", () => {
    expect(doc.paths["/decisions/{decisionId}/record/accept"].post.requestBody).toBeDefined();
    const audit = doc.paths["/projects/{projectId}/audit"].get.parameters.map((p: { name: string }) => p.name);
    expect(audit).toEqual(expect.arrayContaining(["projectId", "after", "limit", "actor", "action"]));
    expect(doc.paths["/projects/{projectId}/audit/verify"].get.summary).toMatch(/hash chain/);
  });
});
