// Every main page in light and dark, on a desktop and a phone: axe-core finds no serious or critical
// accessibility violation, and a full-page screenshot of each is kept as a test artifact.
import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "@playwright/test";
import { expect, test, watchForCspViolations } from "./fixtures";
import { signIn } from "./helpers";
import { MAIN_PAGES, VIEWPORTS, demoIds, type DemoIds } from "./main-pages";

const LEAD = "marco@verdict.demo";

async function person(browser: Browser, theme: "light" | "dark", viewport: { width: number; height: number }) {
  const context = await browser.newContext({ colorScheme: theme, viewport });
  await watchForCspViolations(context);
  return { context, page: await context.newPage() };
}

for (const theme of ["light", "dark"] as const) {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    test(`every main page passes axe, ${theme} on a ${size}`, async ({ browser }, testInfo) => {
      // Fourteen pages, each checked by axe and photographed full-page: minutes, not seconds, on a small machine.
      test.setTimeout(600_000);
      const visitor = await person(browser, theme, viewport);
      const lead = await person(browser, theme, viewport);
      await signIn(lead.page, LEAD);
      const ids: DemoIds = await demoIds(lead.page);
      const failures: string[] = [];

      for (const mainPage of MAIN_PAGES) {
        const { page } = mainPage.signedOut ? visitor : lead;
        await page.goto(mainPage.path(ids));
        await expect(page.locator("main")).toBeVisible();
        if (mainPage.ready) await expect(mainPage.ready(page)).toBeVisible();
        await page.waitForLoadState("networkidle");
        // The dark class is set before paint from the colour scheme; check the page really is in it.
        expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(theme === "dark");

        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        for (const violation of results.violations) {
          if (violation.impact !== "serious" && violation.impact !== "critical") continue;
          for (const node of violation.nodes) {
            failures.push(`${mainPage.name}: ${violation.id} at ${node.target.join(" ")} — ${node.failureSummary?.split("\n").slice(1).join(" ")}`);
          }
        }

        const file = testInfo.outputPath(`${mainPage.name}-${size}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await testInfo.attach(`${mainPage.name} (${size}, ${theme})`, { path: file, contentType: "image/png" });
      }

      await visitor.context.close();
      await lead.context.close();
      expect(failures, "serious or critical axe violations").toEqual([]);
    });
  }
}
