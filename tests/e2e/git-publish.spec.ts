// Connecting a git repository from the settings page and seeing the first publish in the log.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test } from "./fixtures";
import { newPerson, signIn } from "./helpers";
import { bareRepository, freshClone } from "../support/git-remote";

test("an owner connects a repository, publishes every record, and the log shows each push", async ({
  browser,
}) => {
  const remote = bareRepository();
  const { page } = await newPerson(browser);
  page.on("dialog", (dialog) => void dialog.accept());
  await signIn(page, "priya@verdict.demo");
  await page
    .getByRole("link", { name: /ML Platform/ })
    .first()
    .click();
  await page
    .getByRole("navigation", { name: "Project sections" })
    .getByRole("link", { name: "Settings" })
    .click();
  await expect(page).toHaveURL(/\/settings\/git$/);
  await expect(page.getByText("Nothing published yet.")).toBeVisible();

  await page.getByLabel("Repository address").fill("https://bot:token@example.test/decisions.git");
  await page.getByRole("button", { name: "Connect and test" }).click();
  await expect(page.getByText(/Leave the user name and token out of the address/)).toBeVisible();

  await page.getByLabel("Repository address").fill(pathToFileURL(remote).href);
  await page.getByLabel("Folder").fill("docs/decisions");
  await page.getByRole("button", { name: "Connect and test" }).click();
  await expect(page.getByText(/Connected: the repository answered/)).toBeVisible();

  // Earlier specs may have added records to the demo project: publish all is as many as it has now.
  const projectId = new URL(page.url()).pathname.split("/")[2]!;
  const { records } = (await (await page.request.get(`/api/v1/projects/${projectId}/records`)).json()) as { records: unknown[] };
  expect(records.length).toBeGreaterThanOrEqual(3);
  await page.getByRole("button", { name: "Publish all records" }).click();
  const log = page.getByRole("list", { name: "Publish log" });
  await expect(log.getByText("Published")).toHaveCount(records.length, { timeout: 60_000 });
  await expect(log.getByText(/ADR-0001: publish/)).toBeVisible();

  const clone = freshClone(remote)!;
  // One file a record, and the index.md listing them.
  const files = readdirSync(join(clone, "docs/decisions"));
  expect(files.filter((name) => name.endsWith(".md") && name !== "index.md")).toHaveLength(records.length);
  expect(files).toContain("index.md");

  // An auditor finds the settings tab but no settings.
  const auditor = await newPerson(browser);
  await signIn(auditor.page, "ken@verdict.demo");
  await auditor.page.goto(page.url());
  await expect(auditor.page.getByText("Git settings are for owners and leads")).toBeVisible();

  // The specs share one demo server: later ones expect the project without a repository.
  const disconnected = await page.request.delete(`/api/v1/projects/${projectId}/repository`, {
    headers: { origin: new URL(page.url()).origin },
  });
  expect(disconnected.ok(), await disconnected.text()).toBe(true);
});
