// The text the audit event page shows as "exactly what is hashed" must be the text the chain hashes.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashedText, hashEvent } from "@/lib/domain/hash-chain";

const event = {
  projectId: "p1",
  seq: 2,
  at: "2026-03-01T09:30:00.000Z",
  actorId: null,
  action: "decision.closed",
  entityType: "decision",
  entityId: "d1",
  data: { to: "CLOSED", from: "OPEN" },
  // Fields the page's event carries that the hash does not cover.
  actorName: "Priya",
  hash: "ignored",
};

describe("hashedText", () => {
  it("is the previous hash followed by the canonical JSON of the covered fields only", () => {
    expect(hashedText("ab12", event)).toBe(
      'ab12{"action":"decision.closed","actorId":null,"at":"2026-03-01T09:30:00.000Z","data":{"from":"OPEN","to":"CLOSED"},"entityId":"d1","entityType":"decision","projectId":"p1","seq":2}',
    );
  });

  it("hashes to the event's chain hash", () => {
    const sha = createHash("sha256").update(hashedText("ab12", event), "utf8").digest("hex");
    expect(sha).toBe(hashEvent("ab12", event));
  });
});
