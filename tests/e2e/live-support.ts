// Builders shared by the live-update specs: a fresh open decision in the demo project, made and
// voted through the JSON API with a browser context's own session cookie.
import type { APIRequestContext } from "@playwright/test";
import { expect } from "./fixtures";

export interface OpenDecision {
  id: string;
  projectId: string;
  options: { id: string }[];
  criteria: { id: string }[];
}

const sameOrigin = (baseURL: string) => ({ origin: new URL(baseURL).origin });

export async function createOpenDecision(request: APIRequestContext, baseURL: string, title: string): Promise<OpenDecision> {
  const projects = await (await request.get(`${baseURL}/api/v1/projects`)).json();
  const project = (projects.projects ?? projects).find((p: { name: string }) => p.name === "ML Platform");
  const created = await request.post(`${baseURL}/api/v1/projects/${project.id}/decisions`, {
    headers: sameOrigin(baseURL),
    data: {
      title,
      weightMode: "FIXED",
      options: [{ name: "Ray Serve" }, { name: "BentoML" }],
      criteria: [{ name: "Cold start", weight: 2 }, { name: "Team familiarity", weight: 1 }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const decision = await created.json();
  const opened = await request.post(`${baseURL}/api/v1/decisions/${decision.id}/open`, { headers: sameOrigin(baseURL) });
  expect(opened.status(), await opened.text()).toBe(200);
  return { id: decision.id, projectId: project.id, options: decision.options, criteria: decision.criteria };
}

export async function vote(request: APIRequestContext, baseURL: string, decision: OpenDecision, value: number, rationale = "") {
  const response = await request.put(`${baseURL}/api/v1/decisions/${decision.id}/ballot`, {
    headers: sameOrigin(baseURL),
    data: {
      scores: decision.options.flatMap((o) => decision.criteria.map((c) => ({ optionId: o.id, criterionId: c.id, value, rationale }))),
    },
  });
  expect(response.status(), await response.text()).toBe(200);
}
