// Which failures mean "the database is away" (503, retry) rather than a bug (500) or bad input (4xx).
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isTransactionTimeout } from "@/lib/errors";
import { errorResponse } from "@/lib/server/api-handler";

// Shapes as they reach the app, recorded from Prisma 6.19 with @prisma/adapter-pg and node-postgres.
const refused = Object.assign(new Error("Can't reach database server at 127.0.0.1:1"), {
  name: "PrismaClientKnownRequestError",
  code: "P1001",
  meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } } },
});
const dropped = new Error("Connection terminated unexpectedly");
const poolTimeout = new Error("timeout exceeded when trying to connect");
const socket = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
const shutdown = Object.assign(new Error("wrapped"), {
  cause: { code: "57P01", message: "terminating connection due to administrator command" },
});

describe("telling an unreachable database from other failures", () => {
  it.each([
    ["a refused connection (P1001)", refused],
    ["a connection dropped mid-query", dropped],
    ["no free connection within the timeout", poolTimeout],
    ["a raw socket error", socket],
    ["a server shutting down (57P01)", shutdown],
  ])("recognises %s", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", Object.assign(new Error("Unique constraint failed"), { code: "P2002" })],
    ["a missing row", Object.assign(new Error("No record"), { code: "P2025" })],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["nothing", undefined],
  ])("does not mistake %s for an outage", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("answers API callers 503 with a retry hint instead of 500", async () => {
    const response = errorResponse(dropped);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({
      error: { code: "unavailable", message: "The database is unavailable. Try again in a moment." },
    });
  });

  it.each([
    ["a transaction past its timeout (P2028)", Object.assign(new Error("Transaction API error: Transaction already closed: A commit cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms, however 5012 ms passed since the start of the transaction."), { code: "P2028" })],
    ["a transaction that could not start in time", new Error("Transaction API error: Unable to start a transaction in the given time.")],
  ])("answers %s with 503 and a retry hint", async (_label, error) => {
    expect(isTransactionTimeout(error)).toBe(true);
    const response = errorResponse(error);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect((await response.json()).error.code).toBe("unavailable");
  });

  it("leaves other failures to their own answers", () => {
    expect(isTransactionTimeout(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isTransactionTimeout(new TypeError("x is undefined"))).toBe(false);
    expect(isTransactionTimeout(undefined)).toBe(false);
  });
});
