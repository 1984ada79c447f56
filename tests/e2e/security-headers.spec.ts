// The headers a page and an API answer carry, as the browser receives them from the built app.
import { expect, test } from "./fixtures";

const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];

test("pages send a nonce-based CSP, frame and sniffing protection and a referrer policy, but no HSTS over http", async ({ request }) => {
  const first = await request.get("/signin");
  const headers = first.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(policy).not.toMatch(/unsafe-eval/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["strict-transport-security"]).toBeUndefined();

  // Next put this request's nonce on its scripts, and the next page view gets a different one.
  const html = await first.text();
  expect(html).toContain(`nonce="${nonceOf(policy)}"`);
  const second = await request.get("/signin");
  expect(nonceOf(second.headers()["content-security-policy"] ?? "")).not.toBe(nonceOf(policy));
});

test("a page reached through an https proxy also sends HSTS", async ({ request }) => {
  const response = await request.get("/signin", { headers: { "x-forwarded-proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
});

test("API answers carry nosniff and frame protection too", async ({ request }) => {
  const response = await request.get("/api/v1/health");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["x-frame-options"]).toBe("DENY");
});
