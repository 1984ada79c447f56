import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi";

describe("OpenAPI document", () => {
  const doc = openApiDocument() as any;

  it("lists every API v1 call of this stage with its method", () => {
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/health", "/signup", "/tokens", "/projects", "/projects/{projectId}", "/projects/{projectId}/invites", "/invites/{token}/accept", "/projects/{projectId}/members/{userId}", "/decisions/{decisionId}/ballot", "/decisions/{decisionId}/results"]),
    );
    expect(Object.keys(doc.paths["/projects/{projectId}/members/{userId}"])).toEqual(["patch", "delete"]);
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
    expect(results.properties.pivotalVoters.required).toEqual(["count"]);
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
