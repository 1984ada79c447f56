import { expect, test } from "./fixtures";
import { newPerson, signIn } from "./helpers";

test("signing out ends the session on the server: a copied cookie no longer opens any page", async ({
  browser,
}) => {
  const owner = await newPerson(browser);
  await signIn(owner.page, "aisha@verdict.demo");
  await owner.page.goto("/settings");
  await expect(owner.page.getByRole("heading", { name: "Signed-in browsers" })).toBeVisible();
  await expect(owner.page.getByText("This browser")).toBeVisible();
  const copied = await owner.context.cookies();

  await owner.page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(owner.page).toHaveURL(/\/signin/);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const page = await thief.newPage();
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/signin/);
  const api = await page.request.get("/api/v1/projects");
  expect(api.status()).toBe(401);
  await thief.close();
  await owner.context.close();
});
