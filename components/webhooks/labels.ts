import { WEBHOOK_EVENT_KINDS } from "@/lib/domain/webhook-events";

const LABELS = new Map<string, string>(
  WEBHOOK_EVENT_KINDS.map((kind) => [kind.action, kind.label.replace(/ \(.*\)$/, "")]),
);

export function webhookEventLabel(event: string): string {
  if (event === "ping") return "Test (ping)";
  return LABELS.get(event) ?? event;
}

export function describeEventChoice(events: string[]): string {
  if (events.length === WEBHOOK_EVENT_KINDS.length) return "All events";
  const labels = events.map(webhookEventLabel);
  return labels.length <= 3
    ? labels.join(", ")
    : `${labels.slice(0, 3).join(", ")} and ${labels.length - 3} more`;
}
