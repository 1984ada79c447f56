// What a webhook can be told, and the two body formats it is told in. Pure: the server gathers
// what may be said about an event (lib/server/webhooks/describe-event.ts) and this turns it into
// bytes. Nothing here sees a score, a rationale or a sealed detail: the server never passes them.

export const WEBHOOK_EVENT_KINDS = [
  { action: "decision.opened", label: "Vote opened", group: "Votes" },
  { action: "ballot.submitted", label: "Ballot cast (who, never scores)", group: "Votes" },
  { action: "ballot.revised", label: "Ballot revised (who, never scores)", group: "Votes" },
  { action: "decision.closed", label: "Vote closed (winner once members may see results)", group: "Votes" },
  { action: "decision.reopened", label: "Vote reopened", group: "Votes" },
  { action: "record.created", label: "Record proposed", group: "Records" },
  { action: "record.accepted", label: "Record accepted", group: "Records" },
  { action: "record.rejected", label: "Record rejected", group: "Records" },
  { action: "record.deprecated", label: "Record deprecated", group: "Records" },
  { action: "record.superseded", label: "Record superseded", group: "Records" },
  { action: "comment.posted", label: "Comment posted", group: "Discussion" },
  { action: "member.joined", label: "Member joined", group: "Members" },
  { action: "member.role_changed", label: "Member role changed", group: "Members" },
  { action: "member.removed", label: "Member removed", group: "Members" },
] as const;

export type WebhookEventKind = (typeof WEBHOOK_EVENT_KINDS)[number]["action"];
export const WEBHOOK_EVENT_ACTIONS = WEBHOOK_EVENT_KINDS.map((kind) => kind.action) as [
  WebhookEventKind,
  ...WebhookEventKind[],
];
export const WEBHOOK_FORMATS = ["verdict", "slack"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export function isWebhookEventKind(action: string): action is WebhookEventKind {
  return (WEBHOOK_EVENT_ACTIONS as readonly string[]).includes(action);
}

export interface WebhookEventFacts {
  deliveryId: string;
  /** An audit action, or "ping" for a test delivery. */
  event: string;
  seq: number | null;
  occurredAt: string;
  project: { id: string; name: string; url: string | null };
  actor: { id: string; name: string } | null;
  decision: { id: string; number: string; title: string; status: string; url: string | null } | null;
  /** Whitelisted, event-specific facts (a record's number, a member's role, the winner …). */
  details: Record<string, string | number | boolean | null>;
}

/** The Verdict JSON body. Key order is fixed so the bytes (and the signature) are reproducible. */
export function verdictBody(facts: WebhookEventFacts): string {
  return JSON.stringify({
    id: facts.deliveryId,
    event: facts.event,
    seq: facts.seq,
    occurredAt: facts.occurredAt,
    project: facts.project,
    actor: facts.actor,
    decision: facts.decision,
    details: facts.details,
    text: describeWebhookEvent(facts),
  });
}

/** Slack's incoming-webhook body: a readable sentence and a link. */
export function slackBody(facts: WebhookEventFacts): string {
  const link = facts.decision?.url ?? facts.project.url;
  const sentence = slackEscape(describeWebhookEvent(facts));
  return JSON.stringify({ text: link ? `${sentence} <${link}|Open in Verdict>` : sentence });
}

export function webhookBody(format: WebhookFormat, facts: WebhookEventFacts): string {
  return format === "slack" ? slackBody(facts) : verdictBody(facts);
}

// Slack reads <, > and & as markup: a title like "A <b> & C" must stay text.
function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const ROLE_WORDS: Record<string, string> = {
  OWNER: "an owner",
  LEAD: "a lead",
  MEMBER: "a member",
  AUDITOR: "an auditor",
};

/** One sentence a person reads in a chat channel. */
export function describeWebhookEvent(facts: WebhookEventFacts): string {
  const who = facts.actor?.name ?? "Someone";
  const project = facts.project.name;
  const on = facts.decision ? `${facts.decision.number} “${facts.decision.title}”` : "a decision";
  const record = typeof facts.details.recordNumber === "string" ? facts.details.recordNumber : "The record";
  const member = typeof facts.details.memberName === "string" ? facts.details.memberName : "A member";
  const role = (key: string) =>
    ROLE_WORDS[String(facts.details[key])] ?? String(facts.details[key] ?? "").toLowerCase();
  const prefix = `[${project}] `;
  switch (facts.event) {
    case "ping":
      return `${prefix}Test delivery from Verdict: this webhook works.`;
    case "decision.opened":
      return `${prefix}${who} opened the vote on ${on}.`;
    case "ballot.submitted":
      return `${prefix}${who} voted on ${on}.`;
    case "ballot.revised":
      return `${prefix}${who} changed their vote on ${on}.`;
    case "decision.closed": {
      const closer = facts.actor ? `${who} closed` : "The deadline closed";
      const winner =
        typeof facts.details.winner === "string" ? ` Chosen option: ${facts.details.winner}.` : "";
      return `${prefix}${closer} the vote on ${on}.${winner}`;
    }
    case "decision.reopened":
      return `${prefix}${who} reopened the vote on ${on}.`;
    case "record.created":
      return `${prefix}${record} for ${on} was proposed.`;
    case "record.accepted":
      return `${prefix}${who} accepted ${record} for ${on}.`;
    case "record.rejected":
      return `${prefix}${who} rejected ${record} for ${on}.`;
    case "record.deprecated":
      return `${prefix}${who} deprecated ${record} for ${on}.`;
    case "record.superseded": {
      const by = typeof facts.details.supersededBy === "string" ? ` by ${facts.details.supersededBy}` : "";
      return `${prefix}${who} marked ${record} for ${on} as superseded${by}.`;
    }
    case "comment.posted":
      return `${prefix}${who} commented on ${on}.`;
    case "member.joined":
      return `${prefix}${who} joined as ${role("role")}.`;
    case "member.role_changed":
      return `${prefix}${who} made ${member} ${role("role")} (was ${role("previousRole")}).`;
    case "member.removed":
      return `${prefix}${who} removed ${member} from the project.`;
    default:
      return `${prefix}${who}: ${facts.event}.`;
  }
}
