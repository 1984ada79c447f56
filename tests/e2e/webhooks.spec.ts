// An owner connects a webhook to a receiver running beside the app, tests it, and reads the log.
import http from "node:http";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
// The receivers listen on the two ports after the app's.
const RECEIVER_PORTS = [E2E_PORT + 1, E2E_PORT + 2];

function startReceiver(port: number, script: number[]) {
  const answers = [...script];
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      const status = answers.shift() ?? 200;
      response
        .writeHead(status, { "content-type": "text/plain" })
        .end(status === 200 ? "ok from receiver" : "receiver is down");
    });
  });
  return new Promise<{ received: typeof received; close: () => Promise<void> }>((resolve) =>
    server.listen(port, "127.0.0.1", () =>
      resolve({
        received,
        close: () => {
          server.closeAllConnections();
          return new Promise((done) => server.close(() => done()));
        },
      }),
    ),
  );
}

test("an owner registers a webhook, sends a test and sees retries in the delivery log", async ({ page }) => {
  const healthy = await startReceiver(RECEIVER_PORTS[0]!, []);
  const flaky = await startReceiver(RECEIVER_PORTS[1]!, [500, 500, 200]);
  try {
    await signIn(page, "priya@verdict.demo");
    await page.getByRole("link", { name: "ML Platform" }).first().click();
    await page
      .getByRole("navigation", { name: "Project sections" })
      .getByRole("link", { name: "Settings" })
      .click();
    await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { name: "No webhooks yet" })).toBeVisible();
    await page.getByRole("link", { name: "Add webhook" }).click();

    // A loopback URL is refused with the reason until private addresses are allowed.
    const url = `http://127.0.0.1:${RECEIVER_PORTS[0]}/verdict`;
    await page.getByLabel("Payload URL").fill(url);
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByText(/127\.0\.0\.1 is a loopback address/)).toBeVisible();
    await expect(page.getByLabel("Payload URL")).toHaveValue(url);
    await page.getByLabel(/Allow private addresses/).check();
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByText("Webhook added")).toBeVisible();
    const secret = (await page.locator("code", { hasText: /^whsec_/ }).textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);

    await page.getByRole("link", { name: "Open webhook and send a test" }).click();
    await expect(page.getByText("Nothing sent yet.")).toBeVisible();
    await page.getByRole("button", { name: "Send test" }).click();
    const ping = page.getByTestId("delivery").first();
    await expect(ping).toContainText("Test (ping)");
    await expect(ping).toContainText("Delivered", { timeout: 15_000 });
    await ping.locator("summary").click();
    await expect(ping.getByTestId("attempt")).toHaveCount(1);
    await expect(ping.getByTestId("attempt")).toContainText("HTTP 200");
    await expect(ping.getByTestId("attempt")).toContainText("ok from receiver");
    expect(healthy.received).toHaveLength(1);
    expect(healthy.received[0]!.headers["x-verdict-event"]).toBe("ping");
    // The secret shown once is not on the page any more.
    await expect(page.getByText(secret)).toHaveCount(0);

    // A receiver that fails twice: three attempts, the third delivered.
    await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Webhooks" }).click();
    await page.getByRole("link", { name: "Add webhook" }).click();
    await page.getByLabel("Payload URL").fill(`http://127.0.0.1:${RECEIVER_PORTS[1]}/verdict`);
    await page.getByLabel(/Allow private addresses/).check();
    await page.getByText("Slack-compatible").click();
    await page.getByRole("button", { name: "Add webhook" }).click();
    await page.getByRole("link", { name: "Open webhook and send a test" }).click();
    await page.getByRole("button", { name: "Send test" }).click();
    const retried = page.getByTestId("delivery").first();
    await expect(retried).toContainText("Delivered", { timeout: 30_000 });
    await expect(retried).toContainText("3 attempts");
    await retried.locator("summary").click();
    const attempts = retried.getByTestId("attempt");
    await expect(attempts).toHaveCount(3);
    await expect(attempts.nth(0)).toContainText("HTTP 500");
    await expect(attempts.nth(0)).toContainText("receiver is down");
    await expect(attempts.nth(1)).toContainText("HTTP 500");
    await expect(attempts.nth(2)).toContainText("HTTP 200");
    expect(flaky.received.map((r) => r.headers["x-verdict-delivery"])).toEqual(
      Array(3).fill(flaky.received[0]!.headers["x-verdict-delivery"]),
    );
    expect(Object.keys(JSON.parse(flaky.received[0]!.body))).toEqual(["text"]);
  } finally {
    await healthy.close();
    await flaky.close();
  }
});
