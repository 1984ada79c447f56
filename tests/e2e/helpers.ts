import type { Browser, Page } from "@playwright/test";
import { expect, watchForCspViolations } from "./fixtures";

export const DEMO_PASSWORD = "verdict-demo";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/projects/);
}

export async function signUp(page: Page, name: string, email: string, password = "a long password 1") {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /create account|sign up/i }).click();
  await expect(page).toHaveURL(/\/projects/);
}

/** A separate browser context is a separate person: own cookies, own session. */
export async function newPerson(browser: Browser) {
  const context = await browser.newContext();
  await watchForCspViolations(context);
  return { context, page: await context.newPage() };
}

export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
