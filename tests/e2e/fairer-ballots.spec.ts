import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { newPerson, signIn } from "./helpers";

const OPTIONS = ["Airflow", "Dagster", "Prefect", "Argo", "Flyte", "Kubeflow"];

async function rowOrder(page: Page) {
  const rows = page.locator("table tbody th[scope=row]");
  await expect(rows).toHaveCount(OPTIONS.length);
  return (await rows.allTextContents()).map((name) => name.trim());
}

test.setTimeout(180_000);

test("importances first by pairwise comparison, scoring started by the lead, a rationale at the scale's end, and each voter's own option order", async ({ browser }) => {
  const lead = await newPerson(browser);
  await signIn(lead.page, "marco@verdict.demo");
  await lead.page.getByRole("link", { name: /ML Platform/ }).first().click();
  await lead.page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Decisions" }).click();
  await lead.page.getByRole("link", { name: "New decision" }).click();
  await lead.page.getByLabel("Title").fill("Which workflow orchestrator do we run?");
  const names = lead.page.getByLabel("Name", { exact: true });
  await names.nth(0).fill(OPTIONS[0]!);
  await names.nth(1).fill(OPTIONS[1]!);
  for (const [i, option] of OPTIONS.slice(2).entries()) {
    await lead.page.getByRole("button", { name: "Add option" }).click();
    await names.nth(2 + i).fill(option);
  }
  await names.nth(OPTIONS.length).fill("Reliability");
  await lead.page.getByRole("button", { name: "Add criterion" }).click();
  await names.nth(OPTIONS.length + 1).fill("Cost");
  await lead.page.getByRole("button", { name: "Add criterion" }).click();
  await names.nth(OPTIONS.length + 2).fill("Developer experience");
  await lead.page.getByText("Voted", { exact: true }).click();
  await lead.page.getByLabel("Importances first").check();
  await lead.page.getByLabel("Ask why at the ends of the scale").check();
  await lead.page.getByRole("button", { name: "Create draft" }).click();
  await expect(lead.page).toHaveURL(/\/decisions\/[^/]+$/);
  await lead.page.getByRole("button", { name: "Open voting" }).click();
  await expect(lead.page.getByRole("button", { name: "Start scoring" })).toBeVisible();
  const decisionPath = new URL(lead.page.url()).pathname;

  // Weighing phase: no score grid, importances by comparison with the inconsistency warning.
  await lead.page.goto(`${decisionPath}/vote`);
  await expect(lead.page.getByRole("table")).toHaveCount(0);
  await lead.page.getByLabel("comparing them in pairs").check();
  await lead.page.getByLabel("Reliability versus Cost").selectOption("9");
  await lead.page.getByLabel("Cost versus Developer experience").selectOption("9");
  await lead.page.getByLabel("Reliability versus Developer experience").selectOption(String(1 / 9));
  await expect(lead.page.getByTestId("pairwise-warning")).toContainText(/The least consistent is Reliability versus Cost/);
  await lead.page.getByLabel("Reliability versus Cost").selectOption("2");
  await lead.page.getByLabel("Cost versus Developer experience").selectOption("2");
  await lead.page.getByLabel("Reliability versus Developer experience").selectOption("4");
  await expect(lead.page.getByTestId("pairwise-consistency")).toContainText("Consistency ratio 0.00");
  await lead.page.getByRole("button", { name: "Submit importances" }).click();
  await expect(lead.page.getByText("Ballot submitted")).toBeVisible();

  // A member cannot start scoring; the lead can.
  const member = await newPerson(browser);
  await signIn(member.page, "aisha@verdict.demo");
  await member.page.goto(decisionPath);
  await expect(member.page.getByText("An owner or lead starts scoring once the weighting is done.")).toBeVisible();
  await expect(member.page.getByRole("button", { name: "Start scoring" })).toHaveCount(0);
  await lead.page.goto(decisionPath);
  await lead.page.getByRole("button", { name: "Start scoring" }).click();
  await expect(lead.page.getByText("Scoring is open")).toBeVisible();

  // Scoring: the importances are fixed (10, 5, 2.5 from the comparisons); a 10 needs a rationale.
  await lead.page.goto(`${decisionPath}/vote`);
  await expect(lead.page.getByTestId("fixed-importances")).toContainText("consistency ratio 0.00");
  await expect(lead.page.getByTestId("fixed-importances")).toContainText("2.5");
  const leadOrder = await rowOrder(lead.page);
  const first = leadOrder[0]!;
  await lead.page.getByLabel(`Score for ${first} on Reliability`).filter({ visible: true }).focus();
  await lead.page.keyboard.type("10");
  await expect(lead.page.getByTestId("rationale-needed")).toHaveText(`${first} on Reliability`);
  await expect(lead.page.getByRole("button", { name: "Submit revised ballot" })).toBeDisabled();
  await lead.page.keyboard.press("r");
  await lead.page.getByLabel(`Rationale for ${first} on Reliability`).fill("Ran it for two years without a lost run.");
  await expect(lead.page.getByTestId("rationale-needed")).toHaveCount(0);
  await lead.page.getByRole("button", { name: "Submit revised ballot" }).click();
  await expect(lead.page.getByText("Ballot revised (revision 2)")).toBeVisible();
  await lead.page.reload();
  expect(await rowOrder(lead.page)).toEqual(leadOrder);

  // Other voters get their own orders (each a shuffle of six: the same as the lead's by chance 1 in 720).
  await member.page.goto(`${decisionPath}/vote`);
  const memberOrder = await rowOrder(member.page);
  expect([...memberOrder].sort()).toEqual([...OPTIONS].sort());
  const other = await newPerson(browser);
  await signIn(other.page, "tomas@verdict.demo");
  await other.page.goto(`${decisionPath}/vote`);
  const otherOrder = await rowOrder(other.page);
  expect(memberOrder.join() !== leadOrder.join() || otherOrder.join() !== leadOrder.join()).toBe(true);
  await member.page.reload();
  expect(await rowOrder(member.page)).toEqual(memberOrder);
  for (const person of [lead, member, other]) await person.context.close();
});
