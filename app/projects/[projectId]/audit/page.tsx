import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditFilters, type AuditFilterName, type AuditFilterValues } from "@/components/audit/audit-filters";
import { AuditTimeline } from "@/components/audit/audit-timeline";
import { auditLogHref } from "@/components/audit/format";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { Alert } from "@/components/alert";
import { buttonClasses } from "@/components/button";
import { Card, CardBody, CardHeader } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { HistoryIcon } from "@/components/icons";
import { AppError } from "@/lib/errors";
import { auditQuerySchema } from "@/lib/schemas/audit";
import { auditFilterChoices } from "@/lib/server/audit/filter-choices";
import { listAuditEvents, type AuditPage } from "@/lib/server/audit/list-events";
import { nameAuditIds } from "@/lib/server/audit/name-ids";
import { loadProject } from "../data";
import { LiveProjectBar } from "../decisions/live";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
const FILTER_NAMES: readonly AuditFilterName[] = ["actor", "action", "entityType", "entityId", "from", "to"];

type SearchParams = Record<string, string | string[] | undefined>;

const lastValue = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[value.length - 1] : value)?.trim() || undefined;

async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function AuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { projectId } = await params;
  const search = await searchParams;
  const { actor, project } = await loadProject(projectId, `/projects/${projectId}/audit`);

  const filters: AuditFilterValues = {};
  for (const name of FILTER_NAMES) filters[name] = lastValue(search[name]);
  const after = lastValue(search.after);
  const request = { ...filters, after, order: "desc", limit: PAGE_SIZE };
  const parsed = auditQuerySchema.safeParse(request);
  const errors: Partial<Record<AuditFilterName | "after", string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === "string") errors[field as AuditFilterName] ??= issue.message;
    }
  }

  const [choices, page] = await orNotFound(
    Promise.all([
      auditFilterChoices(actor, project.id),
      parsed.success
        ? listAuditEvents(actor, project.id, request)
        : Promise.resolve<AuditPage>({ events: [], next: null }),
    ]),
  );

  const names = await nameAuditIds(actor, project.id, page.events);
  const memberNames: Record<string, string> = {};
  for (const choice of choices.actors) if (choice.name) memberNames[choice.id] = choice.name;
  for (const member of project.members) memberNames[member.userId] = member.name;

  const filtered = FILTER_NAMES.some((name) => filters[name]);
  const emptyHistory = choices.actions.length === 0;
  const exportBase = `/api/v1/projects/${encodeURIComponent(project.id)}/audit`;
  const first = page.events[0];
  const last = page.events[page.events.length - 1];

  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-fg">Audit log</h2>
        <p className="mt-1 max-w-3xl text-sm text-fg-muted">
          Every change in this project, in order: who made it, when, and what it changed. Ballot events record
          that someone voted, never their scores.
        </p>
      </div>

      <LiveProjectBar projectId={project.id} refresh={!after} />

      <Card as="section">
        <CardHeader
          title="Integrity"
          description="Each event stores SHA-256 of the previous event’s hash followed by its own canonical JSON, so altering, removing or reordering any event breaks the chain from there on. Verifying recomputes every hash."
        />
        <CardBody>
          <VerifyChainButton projectId={project.id}>
            <a href={`${exportBase}/export.csv`} download className={buttonClasses({ variant: "secondary" })}>
              Download CSV
            </a>
            <a
              href={`${exportBase}/export.jsonl`}
              download
              className={buttonClasses({ variant: "secondary" })}
            >
              Download JSON Lines
            </a>
          </VerifyChainButton>
        </CardBody>
      </Card>

      <section aria-labelledby="audit-events" className="space-y-4">
        <h2 id="audit-events" className="sr-only">
          Events
        </h2>
        {emptyHistory ? null : (
          <AuditFilters projectId={project.id} choices={choices} values={filters} errors={errors} />
        )}

        {errors.after ? (
          <Alert title="This page link is not valid.">
            {errors.after}{" "}
            <Link
              href={auditLogHref(project.id, filters)}
              className="font-medium underline underline-offset-4"
            >
              Go to the newest events
            </Link>
          </Alert>
        ) : !parsed.success ? (
          <Alert title="Check the filters.">Correct the highlighted fields and apply them again.</Alert>
        ) : null}

        {parsed.success && page.events.length === 0 ? (
          emptyHistory ? (
            <EmptyState icon={<HistoryIcon />} title="Nothing recorded yet">
              Changes to this project, its decisions, ballots and records will be listed here as they happen.
            </EmptyState>
          ) : after ? (
            <EmptyState
              icon={<HistoryIcon />}
              title="No older events"
              action={
                <Link
                  href={auditLogHref(project.id, filters)}
                  className={buttonClasses({ variant: "secondary" })}
                >
                  Back to the newest
                </Link>
              }
            >
              You have reached the start of the history{filtered ? " for these filters" : ""}.
            </EmptyState>
          ) : (
            <EmptyState
              icon={<HistoryIcon />}
              title="No events match these filters"
              action={
                <Link href={auditLogHref(project.id)} className={buttonClasses({ variant: "secondary" })}>
                  Clear filters
                </Link>
              }
            >
              Try a wider date range, or another person or action.
            </EmptyState>
          )
        ) : null}

        {first && last ? (
          <>
            <p className="text-sm text-fg-muted" aria-live="polite">
              Events #{first.seq}
              {first.seq !== last.seq ? ` to #${last.seq}` : ""}, newest first{filtered ? ", filtered" : ""}.
            </p>
            <AuditTimeline
              projectId={project.id}
              events={page.events}
              memberNames={memberNames}
              names={names}
            />
            <nav aria-label="Audit log pages" className="flex flex-wrap items-center justify-between gap-3">
              {after ? (
                <Link
                  href={auditLogHref(project.id, filters)}
                  className={buttonClasses({ variant: "ghost" })}
                >
                  <span aria-hidden="true">←</span> Newest events
                </Link>
              ) : (
                <span />
              )}
              {page.next !== null ? (
                <Link
                  href={auditLogHref(project.id, { ...filters, after: String(page.next) })}
                  className={buttonClasses({ variant: "secondary" })}
                >
                  Older events <span aria-hidden="true">→</span>
                </Link>
              ) : (
                <span className="text-sm text-fg-subtle">This is the start of the history.</span>
              )}
            </nav>
          </>
        ) : null}
      </section>
    </div>
  );
}
