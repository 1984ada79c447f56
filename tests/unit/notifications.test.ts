import { describe, expect, it } from "vitest";
import { retryDelayMs, voteClosedText } from "@/lib/domain/notifications";
import { readUnsubscribeToken, unsubscribeToken } from "@/lib/server/notifications/unsubscribe-token";

const closed = {
  projectId: "p",
  projectName: "ML Platform",
  decisionId: "d",
  number: 3,
  title: "Framework",
  byDeadline: false,
};

describe("notification texts", () => {
  it("names one winner, a tie, no winner, or says results are hidden", () => {
    expect(voteClosedText({ ...closed, winners: ["PyTorch"] }).body).toBe("Winner: PyTorch. (ML Platform)");
    expect(voteClosedText({ ...closed, winners: ["PyTorch", "JAX"] }).body).toBe(
      "Tie between PyTorch and JAX. (ML Platform)",
    );
    expect(voteClosedText({ ...closed, winners: [] }).body).toBe(
      "Nobody scored it, so there is no winner. (ML Platform)",
    );
    expect(voteClosedText({ ...closed, winners: null }).body).toBe(
      "Its results are not visible right now. (ML Platform)",
    );
    expect(voteClosedText({ ...closed, winners: null, byDeadline: true }).title).toBe(
      "Vote closed at its deadline: D-3 Framework",
    );
  });

  it("doubles the retry delay from the base and caps it at an hour", () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(100, attempt))).toEqual([100, 200, 400, 800]);
    expect(retryDelayMs(30_000, 20)).toBe(3_600_000);
  });
});

describe("unsubscribe tokens", () => {
  it("round-trips and refuses any change to user, kind or signature", () => {
    process.env.AUTH_SECRET = "unit-test-secret";
    const token = unsubscribeToken("user-1", "VOTE_OPENED");
    expect(readUnsubscribeToken(token)).toEqual({ userId: "user-1", kind: "VOTE_OPENED" });
    const [payload, signature] = token.split(".");
    const otherUser = Buffer.from("user-2.VOTE_OPENED").toString("base64url");
    expect(readUnsubscribeToken(`${otherUser}.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(`${payload}.${signature!.slice(0, -2)}AA`)).toBeNull();
    expect(readUnsubscribeToken(`${payload}`)).toBeNull();
    expect(readUnsubscribeToken(unsubscribeToken("user-1", "LOUD" as never))).toBeNull();
    process.env.AUTH_SECRET = "another-secret";
    expect(readUnsubscribeToken(token)).toBeNull();
  });
});
