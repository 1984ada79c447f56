// An interactive transaction that runs past its timeout is rolled back by Prisma; an API caller must
// hear 503 with a retry hint, as for an unreachable database, not a 500 that reads as a bug.
import { expect, it } from "vitest";
import { errorResponse } from "@/lib/server/api-handler";
import { describeOnEachDatabase } from "../support/test-db";

describeOnEachDatabase("an expired interactive transaction", (db) => {
  it("answers 503 unavailable with Retry-After", async () => {
    const failure = await db()
      .prisma.$transaction(
        async (tx) => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          return tx.user.count();
        },
        { timeout: 50 },
      )
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect((failure as { code?: string }).code).toBe("P2028");
    const response = errorResponse(failure);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect((await response.json()).error.code).toBe("unavailable");
  });
});
