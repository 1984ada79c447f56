// Which addresses a webhook may call, and the signature receivers check, on hand-checked cases.
import { describe, expect, it } from "vitest";
import { classifyAddress } from "@/lib/domain/network-address";
import { retryDelayMs, signWebhookBody, verifyWebhookSignature } from "@/lib/domain/webhook-signature";
import { slackBody, verdictBody, type WebhookEventFacts } from "@/lib/domain/webhook-events";

describe("classifyAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.20", "private"],
    ["169.254.169.254", "linkLocal"],
    ["0.0.0.0", "unspecified"],
    ["100.64.0.1", "carrierGradeNat"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "linkLocal"],
    ["fd12:3456:789a::1", "uniqueLocal"],
    ["fc00::5", "uniqueLocal"],
    ["[::1]", "loopback"],
  ])("refuses %s as %s", (address, range) => {
    const verdict = classifyAddress(address);
    expect(verdict.isPublic).toBe(false);
    expect(verdict.range).toBe(range);
    expect(verdict.reason).toBeTruthy();
  });

  it("judges an IPv4-mapped IPv6 address by the IPv4 address inside", () => {
    expect(classifyAddress("::ffff:127.0.0.1")).toMatchObject({
      isPublic: false,
      range: "loopback",
      address: "127.0.0.1",
    });
    expect(classifyAddress("::ffff:169.254.169.254")).toMatchObject({ isPublic: false, range: "linkLocal" });
    expect(classifyAddress("::ffff:a00:1")).toMatchObject({
      isPublic: false,
      range: "private",
      address: "10.0.0.1",
    });
    expect(classifyAddress("::ffff:8.8.8.8")).toMatchObject({ isPublic: true, address: "8.8.8.8" });
  });

  it("refuses translation ranges that can carry a private IPv4 address", () => {
    expect(classifyAddress("64:ff9b::a00:1").isPublic).toBe(false);
    expect(classifyAddress("2002:a00:1::1").isPublic).toBe(false);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "172.32.0.1",
    "192.169.0.1",
    "2606:4700:4700::1111",
    "2a00:1450:4001::200e",
  ])("accepts the public address %s", (address) => {
    expect(classifyAddress(address)).toMatchObject({ isPublic: true, range: "unicast", reason: null });
  });

  it("says that text which is not an address is not public", () => {
    expect(classifyAddress("example.com")).toMatchObject({ isPublic: false, range: "invalid" });
    expect(classifyAddress("10.0.0.256").isPublic).toBe(false);
  });
});

describe("webhook signatures", () => {
  it("is HMAC-SHA256 of the exact body, as sha256=<hex>", () => {
    // Known answers, computed with `openssl dgst -sha256 -hmac`: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
    expect(signWebhookBody("key", "The quick brown fox jumps over the lazy dog")).toBe(
      "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
    );
    expect(signWebhookBody("It is a secret", '{"event":"ping"}')).toBe(
      "sha256=bb585b839ab9996ee3b32287ce4f8622a8cb6894860ce81b55cd19abee0f2d0b",
    );
    // UTF-8 bytes, not UTF-16 code units.
    expect(signWebhookBody("sekrit-ü", '{"text":"café ☕"}')).toBe(
      "sha256=03908f8fe1e89f937d3681311fe978a48bdc18b23732f0d7339cce31d412350d",
    );
  });

  it("verifies only the exact body with the right secret", () => {
    const body = '{"event":"ping","seq":null}';
    const signature = signWebhookBody("a-long-enough-secret", body);
    expect(verifyWebhookSignature("a-long-enough-secret", body, signature)).toBe(true);
    expect(verifyWebhookSignature("a-long-enough-secret", `${body} `, signature)).toBe(false);
    expect(verifyWebhookSignature("another-secret-entirely", body, signature)).toBe(false);
    expect(verifyWebhookSignature("a-long-enough-secret", body, null)).toBe(false);
    expect(verifyWebhookSignature("a-long-enough-secret", body, "sha256=00")).toBe(false);
  });

  it("backs off exponentially from the base, capped", () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, 1_000))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000,
    ]);
    expect(retryDelayMs(30, 1_000, 60_000)).toBe(60_000);
  });
});

describe("webhook bodies", () => {
  const facts: WebhookEventFacts = {
    deliveryId: "d-1",
    event: "decision.closed",
    seq: 12,
    occurredAt: "2026-12-01T10:00:00.000Z",
    project: { id: "p1", name: "ML Platform", url: "https://verdict.example/projects/p1" },
    actor: { id: "u1", name: "Marco" },
    decision: {
      id: "d1",
      number: "D-3",
      title: "Serve <models> & more",
      status: "CLOSED",
      url: "https://verdict.example/projects/p1/decisions/d1",
    },
    details: { winner: "PyTorch", winnerOptionId: "o1", recordNumber: "ADR-0004" },
  };

  it("writes Slack's {text} with a readable sentence, escaped, and a link", () => {
    expect(JSON.parse(slackBody(facts))).toEqual({
      text:
        "[ML Platform] Marco closed the vote on D-3 “Serve &lt;models&gt; &amp; more”. Chosen option: PyTorch. " +
        "<https://verdict.example/projects/p1/decisions/d1|Open in Verdict>",
    });
  });

  it("writes the Verdict JSON with the delivery id, the event and the sentence", () => {
    const body = JSON.parse(verdictBody(facts));
    expect(Object.keys(body)).toEqual([
      "id",
      "event",
      "seq",
      "occurredAt",
      "project",
      "actor",
      "decision",
      "details",
      "text",
    ]);
    expect(body).toMatchObject({
      id: "d-1",
      event: "decision.closed",
      seq: 12,
      details: { winner: "PyTorch" },
    });
  });
});
