// One entity's history (a decision, a record, a member…), newest first, for the History tab of the
// pages that show that entity. It reads through the server layer, which checks membership.
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { sessionActor, type Actor } from "@/lib/server/actor";
import { listAuditEvents } from "@/lib/server/audit/list-events";
import { EmptyState } from "../empty-state";
import { HistoryIcon } from "../icons";
import { AuditTimeline } from "./audit-timeline";
import { auditLogHref } from "./format";

export async function EntityHistory({
  projectId,
  entityType,
  entityId,
  actor,
  limit = 50,
  title = "History",
}: {
  projectId: string;
  entityType: string;
  entityId: string;
  /** The signed-in caller, if the page has it already; otherwise the session is read. */
  actor?: Actor;
  limit?: number;
  title?: string;
}) {
  const caller = actor ?? (await sessionActor());
  // Pages that embed this already send signed-out visitors to sign in; render nothing meanwhile.
  if (!caller) return null;
  let page: Awaited<ReturnType<typeof listAuditEvents>>;
  try {
    page = await listAuditEvents(caller, projectId, { entityType, entityId, order: "desc", limit });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
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
          <AuditTimeline projectId={projectId} events={page.events} showEntity={false} />
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
