// What a newcomer meets on the demo data, at 1440×900 and 390×844: the record's history, Markdown
// context, the heatmap's colours, phone layouts, the ballot from the keyboard, and the charts.
import type { Browser, Page } from "@playwright/test";
import { expect, test, watchForCspViolations } from "./fixtures";
import { signIn } from "./helpers";
import { VIEWPORTS, demoIds, type DemoIds } from "./main-pages";

const LEAD = "marco@verdict.demo";
/**
 * Apart from the record's own text (the demo's is ~5,300 px tall on a desktop, ~8,500 on a phone),
 * a record page taller than this is a layout bug: its history once stretched it to ~20,000 px.
 */
const MAX_PAGE_HEIGHT = 4000;

async function lead(browser: Browser, options: { viewport?: { width: number; height: number }; theme?: "light" | "dark" } = {}) {
  const context = await browser.newContext({ viewport: options.viewport ?? VIEWPORTS.desktop, colorScheme: options.theme ?? "light" });
  await watchForCspViolations(context);
  const page = await context.newPage();
  await signIn(page, LEAD);
  return { page, ids: await demoIds(page), close: () => context.close() };
}

const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const project = (ids: DemoIds) => `/projects/${ids.projectId}`;

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  test(`the record page's history shows its diffs readably and the page stays a sane height (${size})`, async ({ browser }) => {
    const { page, ids, close } = await lead(browser, { viewport });
    // A revision puts a before → after diff into the history (the seeded record has none).
    const revised = await page.request.post(`/api/v1/decisions/${ids.closedDecisionId}/record/versions`, {
      data: { moreInformation: `Reviewed on a ${size}: the **serving** images shrink once one framework remains.`, note: "Readability check" },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(revised.ok()).toBe(true);
    await page.goto(`${project(ids)}/records/${ids.closedDecisionId}`);
    const history = page.getByTestId("record-history");
    await expect(history.getByRole("heading", { name: "History" })).toBeVisible();
    const recordText = (await page.locator("main article").first().boundingBox())!.height;
    expect(await pageHeight(page), `page height beside ${recordText} px of record text`).toBeLessThan(recordText + MAX_PAGE_HEIGHT);
    expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);

    // The history spans the content column, not a sidebar, and stays short.
    const historyBox = (await history.boundingBox())!;
    expect(historyBox.height).toBeLessThan(MAX_PAGE_HEIGHT / 2);
    expect(historyBox.width).toBeGreaterThan(viewport.width * 0.75);
    // Every "After" value of a change is on screen with room to read it.
    const after = history.locator("ins").first();
    await expect(after).toBeVisible();
    const afterBox = (await after.boundingBox())!;
    expect(afterBox.width).toBeGreaterThan(Math.min(250, viewport.width * 0.6));
    const valueWidth = await after.evaluate((element) => {
      const value = element.lastElementChild as HTMLElement;
      return value.getBoundingClientRect().width;
    });
    expect(valueWidth).toBeGreaterThan(100);
    await close();
  });
}

test("decision context is rendered from Markdown on the overview and in History", async ({ browser }) => {
  const { page, ids, close } = await lead(browser);
  await page.goto(`${project(ids)}/decisions/${ids.closedDecisionId}`);
  const context = page.locator("section", { has: page.getByRole("heading", { name: "Context and problem statement" }) });
  await expect(context.locator("strong", { hasText: "PyTorch" })).toBeVisible();
  await expect(context.locator("em", { hasText: "and" })).toBeVisible();
  await expect(context).not.toContainText("**");

  await page.goto(`${project(ids)}/decisions/${ids.closedDecisionId}/history`);
  // The creation event's snapshot carries the context: its bold words come out bold.
  await expect(page.locator("main article strong", { hasText: "TensorFlow" }).first()).toBeVisible();
  await expect(page.locator("main")).not.toContainText("**PyTorch**");
  await close();
});

/** WCAG contrast of two computed CSS colours (rgb/rgba strings, alpha ignored: cells are opaque). */
function contrastOf(foreground: string, background: string) {
  const channels = (css: string) => css.match(/[\d.]+/g)!.slice(0, 3).map(Number);
  const lum = (css: string) => {
    const [r, g, b] = channels(css).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [a, b] = [lum(foreground), lum(background)].sort((x, y) => y - x);
  return (a! + 0.05) / (b! + 0.05);
}

for (const theme of ["light", "dark"] as const) {
  test(`the heatmap's numbers read at 4.5:1 or better and different means get different colours (${theme})`, async ({ browser }) => {
    const { page, ids, close } = await lead(browser, { theme });
    await page.goto(`${project(ids)}/decisions/${ids.closedDecisionId}/results`);
    const cells = page.locator("[data-heat-cell]");
    await expect(cells.first()).toBeVisible();
    const colours = await cells.evaluateAll((elements) =>
      elements.map((element) => {
        const style = getComputedStyle(element);
        const small = getComputedStyle(element.querySelectorAll("span")[1]!);
        return { text: style.color, small: small.color, background: style.backgroundColor, mean: element.querySelector("span")!.textContent };
      }),
    );
    expect(colours.length).toBeGreaterThan(4);
    for (const cell of colours) {
      expect(contrastOf(cell.text, cell.background), `mean ${cell.mean} on ${cell.background}`).toBeGreaterThanOrEqual(4.5);
      expect(contrastOf(cell.small, cell.background)).toBeGreaterThanOrEqual(4.5);
    }
    // Cells whose means differ by a point or more never share a colour.
    for (const a of colours) {
      for (const b of colours) {
        if (Math.abs(Number(a.mean) - Number(b.mean)) >= 1) expect(a.background).not.toBe(b.background);
      }
    }
    await close();
  });
}

test.describe("on a phone", () => {
  test("compare versions stacks the two versions inside the screen", async ({ browser }) => {
    const { page, ids, close } = await lead(browser, { viewport: VIEWPORTS.phone });
    await page.goto(`${project(ids)}/records/${ids.closedDecisionId}/compare?a=1&b=2`);
    const stacked = page.getByTestId("diff-stacked");
    await expect(stacked).toBeVisible();
    await expect(stacked.locator("li").filter({ hasText: /\S/ }).first()).toBeVisible();
    expect(await pageWidth(page)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await close();
  });

  test("results keep Coverage and Borda on screen and the heatmap scrolls with a hint, words unbroken", async ({ browser }) => {
    const { page, ids, close } = await lead(browser, { viewport: VIEWPORTS.phone });
    await page.goto(`${project(ids)}/decisions/${ids.closedDecisionId}/results`);
    for (const column of ["Coverage", "Borda"]) {
      const header = page.getByRole("columnheader", { name: column });
      await header.scrollIntoViewIfNeeded();
      const box = (await header.boundingBox())!;
      expect(box.x + box.width, `${column} fits the screen`).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    }
    await expect(page.getByTestId("heatmap-scroll-hint")).toBeVisible();
    const region = page.getByRole("region", { name: /Scores per cell/ });
    await expect(region).toHaveAttribute("tabindex", "0");
    expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    // No criterion name is split inside a word: each header's words fit its column.
    const broken = await region.locator("thead th span").evaluateAll((spans) =>
      spans.filter((span) => span.scrollWidth > span.clientWidth + 1 || getComputedStyle(span).overflowWrap === "anywhere").map((s) => s.textContent),
    );
    expect(broken).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await close();
  });

  test("project tabs reach Members without a hidden scroll", async ({ browser }) => {
    const { page, ids, close } = await lead(browser, { viewport: VIEWPORTS.phone });
    await page.goto(project(ids));
    const members = page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Members" });
    const box = (await members.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await members.click();
    await expect(page).toHaveURL(/\/members$/);
    await close();
  });

  test("the ballot's first screen shows a cell to score", async ({ browser }) => {
    const { page, ids, close } = await lead(browser, { viewport: VIEWPORTS.phone });
    await page.goto(`${project(ids)}/decisions/${ids.openDecisionId}/vote`);
    const firstCell = page.getByRole("textbox", { name: /^Score for / }).first();
    await expect(firstCell).toBeVisible();
    const cell = (await firstCell.boundingBox())!;
    const bar = (await page.getByRole("button", { name: /Submit/ }).locator("xpath=ancestor::div[contains(@class,'sticky')][1]").boundingBox())!;
    expect(cell.y + cell.height, "the first cell sits above the sticky submit bar").toBeLessThanOrEqual(bar.y);
    await close();
  });
});

test("the ballot from the keyboard: a skip link reaches the first cell, and R opens a rationale in view", async ({ browser }) => {
  const { page, ids, close } = await lead(browser);
  await page.goto(`${project(ids)}/decisions/${ids.openDecisionId}/vote`);
  await expect(page.getByRole("heading", { name: "Your scores" })).toBeVisible();
  let presses = 0;
  while (presses < 3) {
    await page.keyboard.press("Tab");
    presses++;
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (focused === "Skip to ballot grid") break;
  }
  await expect(page.getByRole("link", { name: "Skip to ballot grid" })).toBeFocused();
  await page.keyboard.press("Enter");
  const first = page.locator(":focus");
  await expect(first).toHaveAccessibleName(/^Score for .+ on Latency at p99$/);
  expect(presses).toBeLessThanOrEqual(3);

  // Go down the table so the rationale opens near the sticky bar, then open it with R.
  await page.keyboard.press("7");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("r");
  const rationale = page.getByRole("textbox", { name: /Rationale/i });
  await expect(rationale).toBeFocused();
  await page.keyboard.type("Needs a GPU node pool we do not have yet.");
  const box = (await rationale.boundingBox())!;
  const bar = (await page.getByRole("button", { name: /Submit/ }).locator("xpath=ancestor::div[contains(@class,'sticky')][1]").boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(56);
  expect(box.y + box.height, "the rationale is not under the sticky submit bar").toBeLessThanOrEqual(bar.y);
  await close();
});

test("sensitivity labels criteria that cannot flip the winner, shows direction and names who catches up; weight bars share one scale", async ({ browser }) => {
  const { page, ids, close } = await lead(browser);
  await page.goto(`${project(ids)}/decisions/${ids.closedDecisionId}/results`);
  const rows = page.getByTestId("sensitivity").locator("li");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);
  const optionNames = ["PyTorch", "TensorFlow", "JAX"];
  for (let index = 0; index < count; index++) {
    const text = (await rows.nth(index).innerText()).replace(/\s+/g, " ");
    const cannot = /Cannot flip the winner/.test(text);
    const moves = /(Raise|Lower) by \d+\.\d pts: (PyTorch|TensorFlow|JAX) catches up/.test(text);
    expect(cannot || moves, `row ${index}: ${text}`).toBe(true);
    if (moves) expect(optionNames.some((name) => text.includes(name))).toBe(true);
  }

  const barWidths = async (): Promise<Record<string, string>> =>
    page.locator("[data-weight-bar]").evaluateAll((bars) =>
      Object.fromEntries(bars.map((bar) => [bar.getAttribute("data-weight-bar") ?? "", (bar as HTMLElement).style.width])),
    );
  const onResults = await barWidths();
  await page.goto(`${project(ids)}/decisions/${ids.closedDecisionId}`);
  const onOverview = await barWidths();
  expect(Object.keys(onResults).length).toBeGreaterThan(1);
  for (const [name, width] of Object.entries(onResults)) {
    expect(Number.parseFloat(onOverview[name]!), name).toBeCloseTo(Number.parseFloat(width), 3);
  }
  await close();
});
