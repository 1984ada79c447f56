import { describe, expect, it } from "vitest";
import { describeLiveEvent, frameServerSentEvent, parseEventCursor } from "@/lib/domain/live-event";

const ballot = {
  projectId: "p1",
  seq: 41,
  decisionId: "d1",
  action: "ballot.submitted",
  actorId: "u1",
  entityType: "ballot",
  entityId: "b1",
  at: "2026-12-01T10:00:00.000Z",
};

describe("describeLiveEvent", () => {
  it("says who voted and nothing else, not even the ballot's id", () => {
    expect(describeLiveEvent(ballot, "Aisha Bello")).toEqual({
      seq: 41,
      action: "ballot.submitted",
      topic: "vote",
      actorName: "Aisha Bello",
      summary: "Aisha Bello voted",
      at: "2026-12-01T10:00:00.000Z",
    });
  });

  it("links comments and records, and names the deadline when nobody closed the vote", () => {
    expect(describeLiveEvent({ ...ballot, action: "comment.posted", entityType: "comment", entityId: "c9" }, "Ben")).toMatchObject({
      topic: "comment",
      summary: "Ben commented",
      entityId: "c9",
    });
    expect(describeLiveEvent({ ...ballot, action: "decision.closed", entityType: "decision", entityId: "d1", actorId: null }, null).summary).toBe(
      "The deadline closed the vote",
    );
    expect(describeLiveEvent({ ...ballot, action: "member.role_changed" }, "Priya").summary).toBe("Priya member role changed");
  });
});

describe("server-sent event framing", () => {
  it("frames an event with its id, and presence without one", () => {
    expect(frameServerSentEvent("change", { a: 1 }, 7)).toBe('id: 7\nevent: change\ndata: {"a":1}\n\n');
    expect(frameServerSentEvent("presence", { viewers: [] })).toBe('event: presence\ndata: {"viewers":[]}\n\n');
  });

  it("reads a cursor only from a plain sequence number", () => {
    expect(parseEventCursor("12")).toBe(12);
    expect(parseEventCursor(" 0 ")).toBe(0);
    for (const bad of [null, "", "-1", "1e3", "12abc", "99999999999"]) expect(parseEventCursor(bad)).toBeNull();
  });
});
