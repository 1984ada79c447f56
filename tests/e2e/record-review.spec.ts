// Record reviews in the browser, on the demo data: ADR-0003 (MLflow, imported and accepted) was due
// for review two weeks ago. The lead is told on the overview and in the inbox, sets a date, sees it due, confirms it,
// and the audit log shows the confirmation. ADR-0001 is left alone for records.spec.ts.
import { expect, test } from "./fixtures";
import { newPerson, signIn } from "./helpers";

const LEAD = "marco@verdict.demo";
const MEMBER = "lena@verdict.demo";
const TITLE = "Track experiments and register models in MLflow";
const day = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

test("a lead is told a review is due, sets the date, confirms the record, and the audit log shows it", async ({
  browser,
}) => {
  // One long journey across five pages; on a loaded machine it needs more than the default minute.
  test.setTimeout(180_000);
  const { page, context } = await newPerson(browser);
  await signIn(page, LEAD);
  await page
    .getByRole("link", { name: /ML Platform/ })
    .first()
    .click();

  // The overview's callout tells leads, and so does their inbox.
  const callout = page.getByRole("region", { name: "1 record is due for review" });
  await expect(callout).toBeVisible();
  await expect(callout.getByRole("link", { name: `ADR-0003: ${TITLE}` })).toBeVisible();

  // And the inbox: the notification worker told the project's owner and leads when the day came.
  const overview = page.url();
  await page.goto("/inbox");
  const notice = page.getByTestId("notification").filter({ hasText: `ADR-0003 is due for review: ${TITLE}` });
  await expect(notice.first()).toBeVisible({ timeout: 30_000 });
  await expect(notice.first()).toContainText("Review due · ML Platform");
  await notice.first().getByRole("link").click();
  await expect(page.getByTestId("record-header").getByText("Review due")).toBeVisible();
  await page.goto(overview);

  // The records index marks it too.
  await page
    .getByRole("navigation", { name: "Project sections" })
    .getByRole("link", { name: "Records" })
    .click();
  const row = page.getByRole("listitem").filter({ hasText: TITLE });
  await expect(row.getByText("Review due")).toBeVisible();

  await page.goto(new URL(page.url()).pathname.replace(/\/records$/, ""));
  await callout.getByRole("link", { name: `ADR-0003: ${TITLE}` }).click();
  await page.waitForURL(/\/records\/[^/?]+$/);
  const decisionId = new URL(page.url()).pathname.split("/").pop()!;
  const header = page.getByTestId("record-header");
  await expect(header.getByText("Review due")).toBeVisible();

  // Move the review a month out: no longer due. Then to today: due again.
  const dateField = page.getByLabel("Review date", { exact: true });
  await dateField.fill(day(30));
  await page.getByRole("button", { name: "Save date" }).click();
  await expect(page.getByText(`Review by ${day(30)}.`).first()).toBeVisible();
  await expect(header.getByText("Review due")).toHaveCount(0);
  await dateField.fill(day());
  await page.getByRole("button", { name: "Save date" }).click();
  await expect(header.getByText("Review due")).toBeVisible();
  // The record's front matter carries the date too.
  const reviewField = page
    .getByRole("article")
    .first()
    .locator("dt", { hasText: /^Review by$/ });
  await expect(reviewField.locator("xpath=following-sibling::dd[1]")).toHaveText(day());

  // A day that does not exist is refused with the server's words (the browser's own check is bypassed).
  const refused = await page.request.put(`/api/v1/decisions/${decisionId}/record/review`, {
    data: { reviewBy: "2027-02-30" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(refused.status()).toBe(422);

  // Confirm: the decision still holds, next review in a year (the dialog's suggestion).
  await page.getByRole("button", { name: "Confirm review…" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm the decision still holds" });
  const nextYear = new Date();
  nextYear.setUTCFullYear(nextYear.getUTCFullYear() + 1);
  const suggested = nextYear.toISOString().slice(0, 10);
  await expect(dialog.getByLabel("Next review date (optional)")).toHaveValue(suggested);
  await dialog
    .getByLabel("Comment (optional)")
    .fill("Storage grew as expected; the registry is in daily use.");
  await dialog.getByRole("button", { name: "Confirm review" }).click();
  await expect(page.getByText("Review confirmed: the decision still holds.")).toBeVisible();
  await expect(header.getByText("Review due")).toHaveCount(0);
  await expect(page.getByText("Last confirmed by Marco Lindqvist")).toBeVisible();
  const record = await (await page.request.get(`/api/v1/decisions/${decisionId}/record`)).json();
  expect(record.review).toMatchObject({ reviewBy: suggested, due: false });

  // The overview no longer lists it.
  const projectPath = new URL(page.url()).pathname.replace(/\/records\/.*/, "");
  await page.goto(projectPath);
  await expect(page.getByRole("region", { name: /due for review/ })).toHaveCount(0);

  // The audit log shows who confirmed it.
  await page
    .getByRole("navigation", { name: "Project sections" })
    .getByRole("link", { name: "Audit log" })
    .click();
  await page.getByLabel("Action").selectOption("record.review_confirmed");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=record\.review_confirmed/);
  const events = page.getByRole("link", { name: /^Event #\d+$/ });
  await expect(events).toHaveCount(1);
  await expect(page.getByText("Record review confirmed").filter({ visible: true }).first()).toBeVisible();
  await expect(page.getByText("Marco Lindqvist").filter({ visible: true }).first()).toBeVisible();
  await context.close();
});

test("a member sees the review date but gets no controls, and the API refuses the member", async ({
  browser,
}) => {
  const { page, context } = await newPerson(browser);
  await signIn(page, MEMBER);
  await page
    .getByRole("link", { name: /ML Platform/ })
    .first()
    .click();
  await expect(page.getByRole("region", { name: /due for review/ })).toHaveCount(0);
  await page
    .getByRole("navigation", { name: "Project sections" })
    .getByRole("link", { name: "Records" })
    .click();
  await page.getByRole("link", { name: new RegExp(TITLE) }).click();
  await page.waitForURL(/\/records\/[^/?]+$/);
  const decisionId = new URL(page.url()).pathname.split("/").pop()!;
  // Due or not (the lead's test may have confirmed it already), the member reads the review's state.
  await expect(page.getByRole("region", { name: "Record review" })).toContainText(
    /Next review by|due for review/,
  );
  await expect(page.getByRole("button", { name: "Save date" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Confirm review…" })).toHaveCount(0);
  const origin = { origin: new URL(page.url()).origin };
  const set = await page.request.put(`/api/v1/decisions/${decisionId}/record/review`, {
    data: { reviewBy: day(3) },
    headers: origin,
  });
  expect(set.status()).toBe(403);
  const confirm = await page.request.post(`/api/v1/decisions/${decisionId}/record/review/confirm`, {
    data: { nextReviewBy: null },
    headers: origin,
  });
  expect(confirm.status()).toBe(403);
  await context.close();
});
