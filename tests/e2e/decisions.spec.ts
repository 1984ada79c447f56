import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { newPerson, signIn } from "./helpers";

async function openProject(page: Page) {
  await page.getByRole("link", { name: /ML Platform/ }).first().click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Decisions" }).click();
}

/**
 * Types a ballot with the keyboard alone: a digit per cell, Enter to move on. Each voter sees the
 * options in their own order, so the rows are read off the grid first.
 */
async function voteWithKeyboard(page: Page, rows: Record<string, number[]>) {
  const order = await page.locator("table tbody th[scope=row]").allTextContents();
  const cells = order.flatMap((option) => rows[option.trim()]!);
  await page.getByLabel(`Score for ${order[0]!.trim()} on Throughput`).filter({ visible: true }).focus();
  for (const score of cells) {
    await page.keyboard.type(String(score));
    await page.keyboard.press("Enter");
  }
  await expect(page.getByRole("button", { name: "Submit ballot" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Ballot submitted")).toBeVisible();
}

test("a lead creates a decision, three people vote in their own browsers, the lead closes it and reads the result", async ({ browser }) => {
  const lead = await newPerson(browser);
  await signIn(lead.page, "marco@verdict.demo");
  await openProject(lead.page);
  await lead.page.getByRole("link", { name: "New decision" }).click();
  await lead.page.getByLabel("Title").fill("Which message queue do we adopt?");
  const names = lead.page.getByLabel("Name", { exact: true });
  await names.nth(0).fill("Kafka");
  await names.nth(1).fill("RabbitMQ");
  await names.nth(2).fill("Throughput");
  await lead.page.getByRole("button", { name: "Add criterion" }).click();
  await names.nth(3).fill("Ease of operation");
  await lead.page.getByRole("button", { name: "Create draft" }).click();
  await expect(lead.page).toHaveURL(/\/decisions\/[^/]+$/);
  await lead.page.getByRole("button", { name: "Open voting" }).click();
  await expect(lead.page.getByRole("button", { name: /Close voting/ })).toBeVisible();
  const decisionPath = new URL(lead.page.url()).pathname;

  // Rows Kafka then RabbitMQ; columns Throughput, Ease of operation. Kafka is faster, RabbitMQ far easier.
  const ballots: [string, Record<string, number[]>][] = [
    ["priya@verdict.demo", { Kafka: [9, 4], RabbitMQ: [6, 8] }],
    ["aisha@verdict.demo", { Kafka: [8, 5], RabbitMQ: [5, 9] }],
    ["lena@verdict.demo", { Kafka: [9, 3], RabbitMQ: [6, 7] }],
  ];
  for (const [email, cells] of ballots) {
    const voter = await newPerson(browser);
    await signIn(voter.page, email);
    await voter.page.goto(`${decisionPath}/vote`);
    await voteWithKeyboard(voter.page, cells);
    // Blind while open: the voter cannot see results.
    await voter.page.goto(`${decisionPath}/results`);
    await expect(voter.page.getByRole("heading", { name: "Results are hidden until the vote closes." })).toBeVisible();
    await expect(voter.page.getByRole("table", { name: /Ranking of the options/ })).toHaveCount(0);
    await voter.context.close();
  }

  await lead.page.reload();
  // Three of the five members who may vote (owner, lead and three members) have voted.
  const votingCard = lead.page.getByRole("complementary", { name: "Voting", exact: true });
  await expect(votingCard.getByRole("meter", { name: "Participation" })).toHaveAttribute("aria-valuetext", "3 of 5 voted");
  await lead.page.getByRole("button", { name: /Close voting/ }).first().click();
  await lead.page.getByRole("dialog").getByRole("button", { name: "Close voting" }).click();
  await expect(votingCard.getByRole("heading", { name: "Vote closed" })).toBeVisible();
  await expect(votingCard.getByRole("heading", { name: "Voting", exact: true })).toHaveCount(0);

  await lead.page.goto(`${decisionPath}/results`);
  // Kafka (8.67 + 4.0)/2 = 6.33 vs RabbitMQ (5.67 + 8.0)/2 = 6.83 out of 10, equal weights.
  const winner = lead.page.getByRole("heading", { name: "Winner", exact: true });
  await expect(winner.locator("xpath=following-sibling::p[1]")).toHaveText("RabbitMQ");
  const ranking = lead.page.getByRole("table", { name: /Ranking of the options/ });
  const rows = ranking.locator("tbody").getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByRole("rowheader")).toContainText("RabbitMQ");
  await expect(rows.nth(0).getByRole("cell").nth(0)).toHaveText("1");
  await expect(rows.nth(0).getByRole("cell").nth(1)).toHaveText("68.3");
  await expect(rows.nth(1).getByRole("rowheader")).toContainText("Kafka");
  await expect(rows.nth(1).getByRole("cell").nth(0)).toHaveText("2");
  await expect(rows.nth(1).getByRole("cell").nth(1)).toHaveText("63.3");
  // The stacked contribution and sensitivity charts are drawn (each loads after the page, on its own).
  await expect(lead.page.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(lead.page.locator("svg.recharts-surface").nth(1)).toBeVisible();
  await lead.context.close();
});
