import { expect, test } from "./fixtures";
import { newPerson, signIn, signUp, unique } from "./helpers";

test("a new user signs up, creates a project, invites a colleague by link, and a role change takes effect", async ({ browser }) => {
  const owner = await newPerson(browser);
  const ownerEmail = `${unique("owner")}@example.test`;
  await signUp(owner.page, "Olga Owner", ownerEmail);

  await owner.page.getByLabel("Project name").fill("Search Relevance");
  await owner.page.getByRole("button", { name: /create project/i }).click();
  await expect(owner.page.getByRole("heading", { name: "Search Relevance" })).toBeVisible();

  await owner.page.getByRole("link", { name: "Members" }).click();
  await owner.page.getByLabel("Invite as").selectOption("MEMBER");
  await owner.page.getByRole("button", { name: "Create invite link" }).click();
  const link = await owner.page.getByLabel("Invite link").inputValue();
  expect(link).toMatch(/\/invites\//);

  const colleague = await newPerson(browser);
  const colleagueEmail = `${unique("colleague")}@example.test`;
  await signUp(colleague.page, "Carl Colleague", colleagueEmail);
  await colleague.page.goto(new URL(link).pathname);
  await expect(colleague.page.getByText("Search Relevance")).toBeVisible();
  await colleague.page.getByRole("button", { name: /accept/i }).click();
  await expect(colleague.page.getByRole("heading", { name: "Search Relevance" })).toBeVisible();
  await expect(colleague.page).toHaveURL(/\/projects\/[^/]+/);
  const projectUrl = colleague.page.url();

  // As a MEMBER the colleague cannot manage members: no invite form.
  await colleague.page.goto(`${new URL(projectUrl).pathname.replace(/\/$/, "")}/members`);
  await expect(colleague.page.getByRole("cell", { name: /Carl Colleague/ })).toBeVisible();
  await expect(colleague.page.getByRole("button", { name: "Create invite link" })).toHaveCount(0);
  await expect(colleague.page.getByLabel("Role for Olga Owner")).toHaveCount(0);

  // The owner makes them an OWNER; on their next page load the controls appear.
  await owner.page.reload();
  await owner.page.getByLabel("Role for Carl Colleague").selectOption("OWNER");
  await owner.page.getByRole("button", { name: "Save role for Carl Colleague" }).click();
  await expect(owner.page.getByRole("button", { name: "Save role for Carl Colleague" })).toHaveCount(0);
  await colleague.page.reload();
  await expect(colleague.page.getByRole("button", { name: "Create invite link" })).toBeVisible();

  await owner.context.close();
  await colleague.context.close();
});

test("a wrong password gets a clear error and a non-member gets a 404 for someone else's project", async ({ browser }) => {
  const person = await newPerson(browser);
  await person.page.goto("/signin");
  await person.page.getByLabel("Email").fill("priya@verdict.demo");
  await person.page.getByLabel("Password").fill("not-the-password");
  await person.page.getByRole("button", { name: /sign in/i }).click();
  await expect(person.page.getByText("Wrong email or password.")).toBeVisible();

  await signIn(person.page, "priya@verdict.demo");
  await person.page.getByRole("link", { name: /ML Platform/ }).first().click();
  await expect(person.page).toHaveURL(/\/projects\/[^/]+$/);
  const projectPath = new URL(person.page.url()).pathname;

  const stranger = await newPerson(browser);
  await signUp(stranger.page, "Sam Stranger", `${unique("stranger")}@example.test`);
  const response = await stranger.page.goto(projectPath);
  expect(response?.status()).toBe(404);
  await expect(stranger.page.getByText("ML Platform")).toHaveCount(0);
  await person.context.close();
  await stranger.context.close();
});
