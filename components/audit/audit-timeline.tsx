// A list of audit events, newest or oldest first as given: who did what to which entity, when, and
// what changed. Each event links to its own page with the hashes.
import Link from "next/link";
import type { AuditEventView } from "@/lib/schemas/responses";
import { EventData, type IdNames } from "./event-data";
import { actionLabel, auditEventHref, auditLogHref, entityTypeLabel, formatUtc, shortId } from "./format";

/** The fields of an event this list shows. */
type AuditEventItem = Omit<AuditEventView, "prevHash" | "hash">;

export function actorLabel(event: Pick<AuditEventItem, "actorId" | "actorName">): string {
  if (event.actorName) return event.actorName;
  return event.actorId ? "Deleted account" : "Verdict (automatic)";
}

const ACTION_TONES: [RegExp, string][] = [
  [/removed|rejected|deleted|revoked/, "bg-danger-soft text-danger-text ring-danger/20"],
  [/created|joined|submitted|accepted|opened/, "bg-success-soft text-success-text ring-emerald-500/25"],
  [/closed|deprecated|superseded|reopened/, "bg-warning-soft text-warning-text ring-amber-500/25"],
];

export function ActionBadge({ action }: { action: string }) {
  const tone =
    ACTION_TONES.find(([pattern]) => pattern.test(action))?.[1] ??
    "bg-accent-soft text-accent-text ring-accent/20";
  return (
    <span
      className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}
      title={action}
    >
      {actionLabel(action)}
    </span>
  );
}

export function AuditTimeline({
  projectId,
  events,
  memberNames = {},
  names = {},
  showEntity = true,
  headingLevel = 3,
  foldLongData = false,
}: {
  projectId: string;
  events: AuditEventItem[];
  /** Names for `member` entities, whose ids are user ids. */
  memberNames?: Record<string, string>;
  /** Names for any id the events mention (decisions, options, people…), shown instead of the id. */
  names?: IdNames;
  /** Off when every event is about the same entity (an entity's own history). */
  showEntity?: boolean;
  headingLevel?: 2 | 3 | 4;
  /** Fold long stored values behind a toggle, where the page already shows them in full. */
  foldLongData?: boolean;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className="divide-y divide-line overflow-hidden rounded-xl border border-line bg-surface shadow-xs">
      {events.map((event) => {
        const titleId = `event-${event.seq}-title`;
        const entityName =
          (event.entityType === "member" ? memberNames[event.entityId] : undefined) ?? names[event.entityId];
        return (
          <li
            key={event.seq}
            id={`event-${event.seq}`}
            className="scroll-mt-24 px-4 py-4 target:bg-accent-soft/50 sm:px-5"
          >
            <article
              aria-labelledby={titleId}
              className="grid gap-2 sm:grid-cols-[9.5rem_minmax(0,1fr)] sm:gap-5"
            >
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 text-xs text-fg-muted sm:flex-col">
                <Link
                  href={auditEventHref(projectId, event.seq)}
                  className="font-mono text-sm font-semibold text-accent-text hover:underline hover:underline-offset-4"
                >
                  <span className="sr-only">Event </span>#{event.seq}
                </Link>
                <time dateTime={event.at} title={event.at} className="tabular-nums">
                  {formatUtc(event.at)}
                </time>
              </div>
              <div className="min-w-0 space-y-2">
                <Heading id={titleId} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-fg">
                  <ActionBadge action={event.action} />
                  <span>
                    <span className="text-fg-muted">by </span>
                    <span className="font-medium">{actorLabel(event)}</span>
                  </span>
                </Heading>
                {showEntity ? (
                  <p className="flex flex-wrap items-center gap-x-1.5 text-xs text-fg-muted">
                    <span>{entityTypeLabel(event.entityType)}</span>
                    {entityName ? <span className="font-medium text-fg">{entityName}</span> : null}
                    <code className="font-mono text-fg-subtle" title={event.entityId}>
                      {shortId(event.entityId)}
                    </code>
                    <span aria-hidden="true">·</span>
                    <Link
                      href={auditLogHref(projectId, {
                        entityType: event.entityType,
                        entityId: event.entityId,
                      })}
                      className="underline-offset-4 hover:text-fg hover:underline"
                    >
                      its history
                      <span className="sr-only">
                        {" "}
                        ({entityTypeLabel(event.entityType)} {event.entityId})
                      </span>
                    </Link>
                  </p>
                ) : null}
                <EventData data={showEntity ? event.data : withoutOwnDecision(event.data)} names={{ ...memberNames, ...names }} fold={foldLongData} />
              </div>
            </article>
          </li>
        );
      })}
    </ol>
  );
}

/** An entity's own history is shown on its page: repeating on every event which decision it belongs to says nothing. */
function withoutOwnDecision(data: unknown): unknown {
  if (!data || typeof data !== "object" || Array.isArray(data) || !("decisionId" in data)) return data;
  const rest: Record<string, unknown> = { ...data };
  delete rest.decisionId;
  return rest;
}
