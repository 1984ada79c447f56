// Decision records in the browser, on the demo data: ADR-0001 is closed with a proposed record.
// The tests run in order: the hostile narrative is saved before the lead accepts (and freezes) it.
import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { newPerson, signIn } from "./helpers";

const LEAD = "marco@verdict.demo";
const AUDITOR = "ken@verdict.demo";
const RECORD_TITLE = /Which deep-learning framework do we standardize on/;
const HOSTILE = '<img src=x onerror="window.__xss=1"> and [click](javascript:window.__xss=2)';

test.describe.configure({ mode: "serial" });

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const { page } = await newPerson(browser);
  // Any alert() from injected script would show up here; none may.
  page.on("dialog", (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  await signIn(page, email);
  return page;
}

async function openRecord(page: Page): Promise<{ recordUrl: string; decisionId: string }> {
  await page.goto("/projects");
  await page
    .getByRole("link", { name: /ML Platform/ })
    .first()
    .click();
  await page
    .getByRole("navigation", { name: "Project sections" })
    .getByRole("link", { name: "Records" })
    .click();
  await expect(page.getByRole("heading", { name: "Decision records" })).toBeVisible();
  await page.getByRole("link", { name: RECORD_TITLE }).click();
  await page.waitForURL(/\/records\/[^/?]+$/);
  const recordUrl = new URL(page.url()).pathname;
  return { recordUrl, decisionId: recordUrl.split("/").pop()! };
}

async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  await expect(page.locator("img[onerror]")).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
}

test("renders a hostile narrative inert, in the live preview and on the record page", async ({ browser }) => {
  const page = await signedIn(browser, LEAD);
  const { recordUrl } = await openRecord(page);
  // The demo's 2019 record stays accepted until this proposal is accepted.
  await expect(page.getByText("Will supersede ADR-0002 once accepted")).toBeVisible();
  await page.getByRole("link", { name: "Edit narrative" }).click();
  await page.waitForURL(/\/edit$/);

  await page.getByLabel("More information").fill(HOSTILE);
  const preview = page.getByTestId("record-preview");
  await expect(preview).toContainText('<img src=x onerror="window.__xss=1">');
  await expectInert(page);

  await page.getByLabel("What changed").fill("Hostile text test");
  await page.getByRole("button", { name: "Save as new version" }).click();
  await page.waitForURL((url) => url.pathname === recordUrl && url.searchParams.get("saved") === "1");
  const article = page.getByRole("article").first();
  await expect(article).toContainText('<img src=x onerror="window.__xss=1">');
  // The Markdown link survives only as text without a target: clicking it runs nothing.
  await article.getByText("click", { exact: true }).first().click();
  await expectInert(page);
});

test("lets a lead edit the narrative, compare versions and accept the record", async ({ browser }) => {
  const page = await signedIn(browser, LEAD);
  const { recordUrl, decisionId } = await openRecord(page);
  await page.getByRole("link", { name: "Edit narrative" }).click();

  const confirmation =
    "Port the ranking model first and serve it with TorchServe for two weeks before switching traffic.";
  await page.getByLabel("Confirmation").fill(confirmation);
  await expect(page.getByTestId("record-preview")).toContainText(confirmation);
  await page.getByLabel("What changed").fill("Concrete pilot plan");
  await page.getByRole("button", { name: "Save as new version" }).click();
  await page.waitForURL((url) => url.pathname === recordUrl);
  await expect(page.getByRole("article").first()).toContainText(confirmation);
  const versions = page.locator("section").filter({ has: page.getByRole("heading", { name: "Versions" }) });
  await expect(versions).toContainText("Concrete pilot plan");

  await page.getByRole("link", { name: "Compare versions" }).click();
  await page.waitForURL(/\/compare\?a=\d+&b=\d+/);
  await expect(page.getByTestId("diff-summary")).toContainText(
    /\+\d+ −\d+ lines between version \d+ and version \d+/,
  );
  await expect(page.getByRole("table")).toContainText(confirmation);

  await page.goto(recordUrl);
  await page.getByRole("button", { name: "Accept…" }).click();
  const dialog = page.getByRole("dialog", { name: "Accept this record?" });
  await dialog.getByLabel("Comment (optional)").fill("Agreed in the architecture review.");
  await dialog.getByRole("button", { name: "Accept record" }).click();
  await expect(page.getByTestId("record-header")).toContainText("Accepted");
  await expect(page.getByRole("link", { name: "Edit narrative" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Supersede…" })).toBeVisible();

  const stored = await page.request.get(`/api/v1/decisions/${decisionId}/record`);
  const accepted = await stored.json();
  expect(accepted.status).toBe("accepted");
  // Accepting it made the pending supersede take effect.
  expect(accepted.supersedes).toEqual([expect.objectContaining({ key: "ADR-0002" })]);

  // The records page downloads the adr-tools form chosen in its select.
  await page.goto(recordUrl.replace(/\/records\/.*/, "/records"));
  await page.getByLabel("Format").selectOption("nygard");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download all (.zip)" }).click();
  expect((await download).suggestedFilename()).toBe("ml-platform-decision-records-nygard.zip");
  await page.goto(recordUrl);
  // The accepted text is final, whoever asks.
  // Cookie writes must name the app's origin, as the app's own fetches do.
  const refused = await page.request.post(`/api/v1/decisions/${decisionId}/record/versions`, {
    data: { context: "Rewritten" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(refused.status()).toBe(409);
});

test("shows an auditor every record with no write control, and the API refuses the auditor's writes", async ({
  browser,
}) => {
  const page = await signedIn(browser, AUDITOR);
  const { recordUrl, decisionId } = await openRecord(page);
  await expect(page.getByRole("article").first()).toContainText("Decision Outcome");
  await expect(page.getByRole("link", { name: "Download .md" })).toBeVisible();
  for (const name of ["Accept…", "Reject…", "Supersede…", "Deprecate…"]) {
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  }
  await expect(page.getByRole("link", { name: "Edit narrative" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Review" })).toHaveCount(0);

  await page.goto(`${recordUrl}/edit`);
  await expect(page.getByText("This record cannot be edited")).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);

  await page.goto(recordUrl.replace(/\/records\/.*/, "/records"));
  await expect(page.getByText("Import existing records")).toHaveCount(0);

  for (const [path, data] of [
    [`/api/v1/decisions/${decisionId}/record/versions`, { context: "An auditor's edit" }],
    [`/api/v1/decisions/${decisionId}/record/deprecate`, {}],
    [`/api/v1/decisions/${decisionId}/record/reject`, { comment: "Not allowed" }],
  ] as const) {
    // Same-origin, so the 403 is the auditor's role and not the cross-origin guard.
    const response = await page.request.post(path, { data, headers: { origin: new URL(page.url()).origin } });
    expect(response.status(), path).toBe(403);
  }
  const read = await page.request.get(`/api/v1/decisions/${decisionId}/record`);
  expect(read.status()).toBe(200);
});
