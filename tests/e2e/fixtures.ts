// Every e2e test fails if the browser refused anything under the app's Content-Security-Policy, so
// the whole suite proves the app works under it. Specs import `test` and `expect` from here.
import { test as base, expect, type BrowserContext } from "@playwright/test";

// One test runs at a time (workers: 1), so one list serves the test in progress.
const violations: string[] = [];

/** Collects CSP refusals in every page of the context, as console errors and as DOM events. */
export async function watchForCspViolations(context: BrowserContext) {
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      violations.push(`${message.location().url || message.page()?.url()}: ${message.text()}`);
    }
  });
  // Chromium logs most refusals to the console; the event also catches ones reported only to script.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `Content Security Policy violation: ${event.violatedDirective} refused ${event.blockedURI || "inline code"} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
}

export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ context }, use) => {
      violations.length = 0;
      await watchForCspViolations(context);
      await use();
      expect(violations, "the browser reported Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
