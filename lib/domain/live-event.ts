// What a decision's live event stream tells a reader about one audit event. Deliberately a
// whitelist: the action, who did it and when, never the event's data. A blind ballot therefore
// reaches other members as "Aisha voted" and nothing more; pages re-render what the reader may see.

export interface AnnouncedEvent {
  projectId: string;
  seq: number;
  decisionId: string | null;
  action: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  at: string;
}

export interface LiveEvent {
  seq: number;
  action: string;
  /** The area of the page it changes: participation, the decision, its record or its discussion. */
  topic: "vote" | "decision" | "record" | "comment" | "member" | "other";
  actorName: string | null;
  summary: string;
  at: string;
  /** Only for comments and records, whose ids the page links to; never a ballot's. */
  entityId?: string;
}

const SUMMARIES: Record<string, string> = {
  "ballot.submitted": "voted",
  "ballot.revised": "changed their vote",
  "decision.created": "created the decision",
  "decision.edited": "edited the decision",
  "decision.opened": "opened the vote",
  "decision.closed": "closed the vote",
  "decision.reopened": "reopened the vote",
  "record.created": "wrote the record",
  "record.regenerated": "regenerated the record",
  "record.revised": "revised the record",
  "record.accepted": "accepted the record",
  "record.rejected": "rejected the record",
  "record.deprecated": "deprecated the record",
  "record.superseded": "superseded the record",
  "comment.posted": "commented",
  "comment.edited": "edited a comment",
  "comment.deleted": "deleted a comment",
  "comment.cited": "cited a comment in the record",
  "comment.uncited": "stopped citing a comment",
};

function topicOf(action: string): LiveEvent["topic"] {
  const area = action.split(".")[0];
  if (area === "ballot") return "vote";
  if (area === "decision" || area === "record" || area === "comment" || area === "member") {
    return area === "comment" ? "comment" : (area as LiveEvent["topic"]);
  }
  return "other";
}

export function describeLiveEvent(event: AnnouncedEvent, actorName: string | null): LiveEvent {
  const topic = topicOf(event.action);
  const verb = SUMMARIES[event.action] ?? event.action.replace(/[._]/g, " ");
  const who = actorName ?? (event.action === "decision.closed" ? "The deadline" : "Someone");
  const live: LiveEvent = {
    seq: event.seq,
    action: event.action,
    topic,
    actorName,
    summary: `${who} ${verb}`,
    at: event.at,
  };
  if (topic === "comment" || topic === "record") live.entityId = event.entityId;
  return live;
}

/** One server-sent event, framed: `id` makes a reconnecting browser send Last-Event-ID. */
export function frameServerSentEvent(name: string, data: unknown, id?: number): string {
  return `${id === undefined ? "" : `id: ${id}\n`}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Last-Event-ID (or `since`) as a sequence number; anything else means "from now". */
export function parseEventCursor(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,10}$/.test(value.trim())) return null;
  const seq = Number(value.trim());
  return Number.isSafeInteger(seq) ? seq : null;
}
