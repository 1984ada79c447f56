// The app's main pages, for checks that must hold on every one of them (accessibility, screenshots,
// layout at phone width). Pages added later are appended to MAIN_PAGES.
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** The demo data's ids, found through the JSON API as the signed-in person. */
export interface DemoIds {
  projectId: string;
  /** ADR-0001: closed, with results and a proposed record. */
  closedDecisionId: string;
  /** The serving decision: open, voted weights, the lead has not voted. */
  openDecisionId: string;
}

export interface MainPage {
  name: string;
  path: (ids: DemoIds) => string;
  /** Visited without signing in (sign-in and sign-up). */
  signedOut?: boolean;
  /** A locator that shows the page has rendered its content. */
  ready?: (page: Page) => ReturnType<Page["locator"]>;
}

const project = (ids: DemoIds) => `/projects/${ids.projectId}`;

export const MAIN_PAGES: MainPage[] = [
  { name: "sign-in", path: () => "/signin", signedOut: true },
  { name: "sign-up", path: () => "/signup", signedOut: true },
  { name: "projects", path: () => "/projects" },
  { name: "project-overview", path: project },
  { name: "decisions", path: (ids) => `${project(ids)}/decisions` },
  { name: "decision-overview", path: (ids) => `${project(ids)}/decisions/${ids.closedDecisionId}` },
  {
    name: "ballot",
    path: (ids) => `${project(ids)}/decisions/${ids.openDecisionId}/vote`,
    ready: (page) => page.getByRole("heading", { name: "Your scores" }),
  },
  {
    name: "results",
    path: (ids) => `${project(ids)}/decisions/${ids.closedDecisionId}/results`,
    ready: (page) => page.getByRole("heading", { name: "Scores per cell" }),
  },
  {
    name: "record",
    path: (ids) => `${project(ids)}/records/${ids.closedDecisionId}`,
    ready: (page) => page.getByTestId("record-history"),
  },
  { name: "records", path: (ids) => `${project(ids)}/records` },
  { name: "audit-log", path: (ids) => `${project(ids)}/audit` },
  { name: "members", path: (ids) => `${project(ids)}/members` },
  { name: "settings", path: () => "/settings" },
  { name: "inbox", path: () => "/inbox" },
  { name: "git-settings", path: (ids) => `${project(ids)}/settings/git` },
  { name: "webhook-settings", path: (ids) => `${project(ids)}/settings/webhooks` },
];

export const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

export async function demoIds(page: Page): Promise<DemoIds> {
  const projects = (await (await page.request.get("/api/v1/projects")).json()) as {
    projects: { id: string; name: string }[];
  };
  const demo = projects.projects.find((p) => p.name === "ML Platform");
  expect(demo, "the demo project is seeded").toBeTruthy();
  const listed = (await (await page.request.get(`/api/v1/projects/${demo!.id}/decisions`)).json()) as {
    decisions: { id: string; title: string }[];
  };
  const byTitle = (pattern: RegExp) => listed.decisions.find((d) => pattern.test(d.title))!.id;
  return {
    projectId: demo!.id,
    closedDecisionId: byTitle(/deep-learning framework/),
    openDecisionId: byTitle(/serve models in production/),
  };
}
