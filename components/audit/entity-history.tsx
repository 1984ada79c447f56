// One entity's history (a decision, a record, a member…), newest first, for the History tab of the
// pages that show that entity. The page reads the events (the server checks membership) and passes them.
import Link from "next/link";
import type { AuditEventView } from "@/lib/schemas/responses";
import { EmptyState } from "../empty-state";
import { HistoryIcon } from "../icons";
import { AuditTimeline } from "./audit-timeline";
import { auditLogHref } from "./format";

export function EntityHistory({
  projectId,
  entityType,
  entityId,
  page,
  title = "History",
  foldLongData = false,
}: {
  projectId: string;
  entityType: string;
  entityId: string;
  /** The latest events, newest first; `next` is non-null when older ones were left out. */
  page: { events: AuditEventView[]; next: number | null; names?: Record<string, string> };
  title?: string;
  /** For pages that show the entity's current text above: its snapshots fold behind a toggle. */
  foldLongData?: boolean;
}) {
  const headingId = `history-${entityType}-${entityId}`;
  const fullLog = auditLogHref(projectId, { entityType, entityId });

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold text-fg">
          {title}
        </h2>
        {page.events.length > 0 ? (
          <Link
            href={fullLog}
            className="text-sm font-medium text-accent-text underline-offset-4 hover:underline"
          >
            Open in the audit log
          </Link>
        ) : null}
      </div>
      {page.events.length === 0 ? (
        <EmptyState icon={<HistoryIcon />} title="No recorded changes yet">
          Every change to this will appear here, with who made it and when.
        </EmptyState>
      ) : (
        <>
          <AuditTimeline projectId={projectId} events={page.events} names={page.names} showEntity={false} foldLongData={foldLongData} />
          {page.next !== null ? (
            <p className="text-sm text-fg-muted">
              Showing the latest {page.events.length} changes.{" "}
              <Link
                href={fullLog}
                className="font-medium text-accent-text underline-offset-4 hover:underline"
              >
                See the full history
              </Link>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
