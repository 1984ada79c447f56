import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

test("a lead weighs criteria by pairwise comparison, sees the inconsistency warning, then the weights and CR", async ({ page }) => {
  await signIn(page, "marco@verdict.demo");
  await page.getByRole("link", { name: /ML Platform/ }).first().click();
  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Decisions" }).click();
  await page.getByRole("link", { name: "New decision" }).click();
  await page.getByLabel("Title").fill("Which feature store do we adopt?");
  const names = page.getByLabel("Name", { exact: true });
  await names.nth(0).fill("Feast");
  await names.nth(1).fill("Tecton");
  await names.nth(2).fill("Latency");
  await page.getByRole("button", { name: "Add criterion" }).click();
  await names.nth(3).fill("Cost");
  await page.getByRole("button", { name: "Add criterion" }).click();
  await names.nth(4).fill("Ease of use");

  await page.getByLabel("Compare in pairs").check();
  // A circle: Latency ≫ Cost ≫ Ease of use ≫ Latency contradicts itself. With three criteria every
  // pair fits equally badly, and the first such pair is the one named.
  await page.getByLabel("Latency versus Cost").selectOption("9");
  await page.getByLabel("Cost versus Ease of use").selectOption("9");
  await page.getByLabel("Latency versus Ease of use").selectOption(String(1 / 9));
  await expect(page.getByTestId("pairwise-warning")).toContainText(
    /above 0\.10\)\. The least consistent is Latency versus Cost: you rated it 9, the other comparisons suggest about 1\/9\./,
  );

  // Consistent: Latency = 2 × Cost = 4 × Ease of use → 57.1%, 28.6%, 14.3%.
  await page.getByLabel("Latency versus Cost").selectOption("2");
  await page.getByLabel("Cost versus Ease of use").selectOption("2");
  await page.getByLabel("Latency versus Ease of use").selectOption("4");
  await expect(page.getByTestId("pairwise-warning")).toHaveCount(0);
  await expect(page.getByTestId("pairwise-weights")).toHaveText("Weights: Latency 57.1% · Cost 28.6% · Ease of use 14.3%");
  await expect(page.getByTestId("pairwise-consistency")).toContainText("Consistency ratio 0.00");

  // How sure the lead is of these weights: a band outside 0–99 % is refused next to the field.
  const band = page.getByLabel("Weight band (± %)");
  await expect(band).toHaveValue("20");
  await band.fill("120");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(band).toBeFocused();
  await expect(band).toHaveAccessibleDescription(/at most 0\.99 \(±99 %\)/);
  await band.fill("35");

  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/decisions\/[^/]+$/);
  await expect(page.getByText("±35 % in the confidence figure")).toBeVisible();
  await expect(page.getByText("57.1%")).toBeVisible();
  await expect(page.getByText("14.3%")).toBeVisible();
  await expect(page.getByTestId("pairwise-note")).toContainText("Weights from 3 pairwise comparisons · consistency ratio 0.00");
});

test("the demo's closed decision says how sure its result is", async ({ page }) => {
  await signIn(page, "aisha@verdict.demo");
  await page.getByRole("link", { name: /ML Platform/ }).first().click();
  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Decisions" }).click();
  await page.getByRole("link", { name: /deep-learning framework/ }).first().click();
  await page.getByRole("link", { name: "Results", exact: true }).click();
  await expect(page.getByTestId("confidence-sentence")).toHaveText(/^PyTorch wins in \d+% of plausible variations\.$/);
  // Its lead kept the default band for the FIXED weights.
  await expect(page.getByTestId("confidence-method")).toContainText("varying every weight by up to ±20 % of its set value");
  await expect(page.getByTestId("pivotal-voters")).toBeVisible();
  await expect(page.getByTestId("acceptability-table")).toContainText("PyTorch");
});
