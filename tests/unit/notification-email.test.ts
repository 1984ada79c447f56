import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { composeEmail } from "@/lib/server/notifications/email";
import { emailFrom, smtpUrl } from "@/lib/server/notifications/settings";

const notification = {
  id: "n1",
  userId: "u1",
  kind: "VOTE_OPENED" as const,
  title: "Vote open: D-003 Framework",
  body: "Cast your ballot.",
  link: "/projects/p/decisions/d/vote",
};

describe("notification emails", () => {
  const saved = { ...process.env };
  beforeEach(() => {
    process.env.AUTH_SECRET = "unit-test-secret";
    process.env.SMTP_URL = "smtp://127.0.0.1:2525";
    delete process.env.EMAIL_FROM;
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it("links under the public address, a sub-path included", () => {
    process.env.AUTH_URL = "https://example.org/verdict";
    const email = composeEmail(notification, "ana@example.org");
    expect(email.text).toContain("Open it: https://example.org/verdict/projects/p/decisions/d/vote");
    expect(email.text).toContain("All notification settings: https://example.org/verdict/settings#notifications");
    expect(email.unsubscribeUrl).toMatch(/^https:\/\/example\.org\/verdict\/unsubscribe\?token=/);
    expect(email.oneClickUrl).toMatch(/^https:\/\/example\.org\/verdict\/api\/v1\/unsubscribe\?token=/);
    expect(email.messageId).toBe("<n1@example.org>");
    expect(emailFrom()).toBe("Verdict <verdict@example.org>");
  });

  it("stays off without a public address rather than mail links to a guessed host", () => {
    delete process.env.AUTH_URL;
    expect(smtpUrl()).toBeNull();
    process.env.AUTH_URL = "http://verdict.example.test:3110";
    expect(smtpUrl()).toBe("smtp://127.0.0.1:2525");
  });
});
