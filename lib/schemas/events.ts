// The decision event stream's query, and the JSON each of its `change` events carries.
import { z } from "zod";

export const eventStreamQuerySchema = z.object({
  /** Replay events after this audit sequence number (a reconnect's Last-Event-ID header wins). */
  since: z.string().regex(/^\d{1,10}$/).optional(),
});

export const liveEventSchema = z.object({
  seq: z.number().int().describe("The audit sequence number; also the SSE event id"),
  action: z.string().describe("The audit action, e.g. ballot.submitted, comment.posted"),
  topic: z.enum(["vote", "decision", "record", "comment", "member", "other"]),
  actorName: z.string().nullable(),
  summary: z.string().describe('What happened, e.g. "Aisha Bello voted" — never scores or rationales'),
  at: z.string(),
  entityId: z.string().optional().describe("Only for comments and records"),
});
