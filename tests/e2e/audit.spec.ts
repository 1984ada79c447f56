import { createHash } from "node:crypto";
import { expect, test } from "./fixtures";
import { newPerson, signIn } from "./helpers";

// Written here from docs/audit-canonical-form.md, not imported from lib/domain, so that a mistake in the
// app's own canonical form cannot agree with itself: keys sorted by UTF-16 code unit at every depth, no
// whitespace, JSON.stringify for strings, numbers, booleans and null, arrays in order.
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(object[key])}`).join(",")}}`;
}

interface ExportedEvent {
  projectId: string;
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
  prevHash: string;
  hash: string;
}

/** SHA-256 of the previous hash followed by the canonical JSON of exactly the eight hashed fields. */
function recomputeHash(event: ExportedEvent): string {
  const { projectId, seq, at, actorId, action, entityType, entityId, data } = event;
  const fields = { projectId, seq, at, actorId, action, entityType, entityId, data };
  return createHash("sha256").update(event.prevHash + canonical(fields), "utf8").digest("hex");
}

test("an auditor filters the log, opens an event, verifies the chain and downloads the export", async ({ browser }) => {
  const auditor = await newPerson(browser);
  await signIn(auditor.page, "ken@verdict.demo");
  await auditor.page.getByRole("link", { name: /ML Platform/ }).first().click();
  await expect(auditor.page).toHaveURL(/\/projects\/[^/]+$/);
  await auditor.page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Audit log" }).click();

  // Filter to ballot submissions: the demo has several, and nothing else may show.
  await auditor.page.getByLabel("Action").selectOption("ballot.submitted");
  await auditor.page.getByRole("button", { name: "Apply filters" }).click();
  await expect(auditor.page).toHaveURL(/action=ballot\.submitted/);
  const eventLinks = auditor.page.getByRole("link", { name: /^Event #\d+$/ });
  await expect(eventLinks.first()).toBeVisible();
  // The page lists exactly the events the API returns for the same filter.
  const projectId = new URL(auditor.page.url()).pathname.split("/")[2];
  const api = await auditor.page.request.get(`/api/v1/projects/${projectId}/audit?action=ballot.submitted&limit=500`);
  const { events: expected } = await api.json();
  expect(expected.length).toBeGreaterThan(3);
  expect(expected.every((e: { action: string }) => e.action === "ballot.submitted")).toBe(true);
  await expect(eventLinks).toHaveCount(expected.length);

  // Open one event: its page shows the hash that its recorded fields produce, recomputed here.
  await eventLinks.first().click();
  await expect(auditor.page).toHaveURL(/\/audit\/\d+$/);
  const seq = Number(new URL(auditor.page.url()).pathname.split("/").pop());
  const stored = await (await auditor.page.request.get(`/api/v1/projects/${projectId}/audit/${seq}`)).json();
  expect(stored).toMatchObject({ seq, action: "ballot.submitted" });
  const recomputed = recomputeHash({ ...stored, projectId });
  const shownHash = auditor.page.locator("dt", { hasText: /^Hash$/ }).locator("xpath=following-sibling::dd[1]//code");
  await expect(shownHash).toHaveText(recomputed);
  const shownPrevious = auditor.page
    .locator("dt", { hasText: /^Previous hash$/ })
    .locator("xpath=following-sibling::dd[1]//code");
  await expect(shownPrevious).toHaveText(stored.prevHash);
  await auditor.page.goBack();

  // Verify the whole chain.
  await auditor.page.getByRole("button", { name: "Verify chain" }).click();
  await expect(auditor.page.getByText(/Intact — \d+ events/)).toBeVisible();

  // Download the JSON Lines export and check it chains up.
  const downloadPromise = auditor.page.waitForEvent("download");
  await auditor.page.getByRole("link", { name: "Download JSON Lines" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.jsonl$/);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const events: ExportedEvent[] = text.trim().split("\n").map((line) => JSON.parse(line));
  expect(events.length).toBeGreaterThan(10);
  expect(events[0]!.seq).toBe(1);
  expect(events[0]!.prevHash).toBe("");
  for (let i = 0; i < events.length; i++) {
    expect(events[i]!.seq).toBe(i + 1);
    if (i > 0) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    expect(events[i]!.hash, `event #${i + 1}`).toBe(recomputeHash(events[i]!));
  }
  expect(events.find((e) => e.seq === seq)!.hash).toBe(recomputed);

  // No write controls anywhere for an auditor: not on the decision list, nor members.
  await auditor.page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Decisions" }).click();
  await expect(auditor.page.getByRole("link", { name: "New decision" })).toHaveCount(0);

  // Each decision has its own history tab with the same events.
  await auditor.page.getByRole("link", { name: /Which deep-learning framework/ }).first().click();
  await auditor.page.getByRole("navigation", { name: "Decision sections" }).getByRole("link", { name: "History" }).click();
  await expect(auditor.page.getByText("Decision closed").filter({ visible: true }).first()).toBeVisible();
  await expect(auditor.page.getByText("Decision opened").filter({ visible: true }).first()).toBeVisible();
  await auditor.context.close();
});
