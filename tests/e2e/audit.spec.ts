import { expect, test } from "./fixtures";
import { newPerson, signIn } from "./helpers";

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

  // Open one event: its own page shows its hashes.
  await eventLinks.first().click();
  await expect(auditor.page).toHaveURL(/\/audit\/\d+$/);
  await expect(auditor.page.getByText(/[0-9a-f]{64}/).first()).toBeVisible();
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
  const events = text.trim().split("\n").map((line) => JSON.parse(line));
  expect(events.length).toBeGreaterThan(10);
  expect(events[0].seq).toBe(1);
  for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);

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
