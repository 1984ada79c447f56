import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ActionBadge, actorLabel } from "@/components/audit/audit-timeline";
import { EventData } from "@/components/audit/event-data";
import { auditEventHref, auditLogHref, entityTypeLabel, formatUtc } from "@/components/audit/format";
import { buttonClasses } from "@/components/button";
import { Card, CardBody, CardHeader } from "@/components/card";
import { CopyButton } from "@/components/copy-button";
import { AlertIcon, CheckIcon } from "@/components/icons";
import { hashedText } from "@/lib/domain/hash-chain";
import { AppError } from "@/lib/errors";
import { getAuditEvent } from "@/lib/server/audit/get-event";
import { listAuditEvents } from "@/lib/server/audit/list-events";
import { nameAuditIds } from "@/lib/server/audit/name-ids";
import { loadProject } from "../../data";

type Params = { params: Promise<{ projectId: string; seq: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { seq } = await params;
  return { title: `Audit event #${seq.slice(0, 12)}` };
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-4">
      <dt className="text-sm font-medium text-fg-muted">{label}</dt>
      <dd className="min-w-0 text-sm text-fg">{children}</dd>
    </div>
  );
}

function HashValue({ value, label }: { value: string; label: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <code className="min-w-0 flex-1 font-mono text-xs break-all">
        {value === "" ? "(empty — the start of the chain)" : value}
      </code>
      {value ? <CopyButton value={value} label={`Copy ${label}`} className="h-8 px-2.5" /> : null}
    </div>
  );
}

function Check({ ok, children }: { ok: boolean; children: ReactNode }) {
  return (
    <li className={`flex items-start gap-2 ${ok ? "text-success-text" : "text-danger-text"}`}>
      {ok ? (
        <CheckIcon className="mt-0.5 size-4 shrink-0" />
      ) : (
        <AlertIcon className="mt-0.5 size-4 shrink-0" />
      )}
      <span>
        <span className="sr-only">{ok ? "Passed: " : "Failed: "}</span>
        {children}
      </span>
    </li>
  );
}

export default async function AuditEventPage({ params }: Params) {
  const { projectId, seq } = await params;
  const { actor, project } = await loadProject(
    projectId,
    `/projects/${projectId}/audit/${encodeURIComponent(seq)}`,
  );
  let event: Awaited<ReturnType<typeof getAuditEvent>>;
  let hasNext: boolean;
  try {
    event = await getAuditEvent(actor, project.id, seq);
    hasNext = (await listAuditEvents(actor, project.id, { after: event.seq, limit: 1 })).events.length > 0;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const hashed = hashedText(event.prevHash, { ...event, projectId: project.id });
  const names = await nameAuditIds(actor, project.id, [
    event,
    ...(event.sealedDetails ? [{ entityId: event.entityId, data: event.sealedDetails.details }] : []),
  ]);

  return (
    <div className="space-y-6">
      <nav
        aria-label="Audit event navigation"
        className="flex flex-wrap items-center justify-between gap-2 text-sm"
      >
        <Link
          href={auditLogHref(project.id)}
          className="font-medium text-fg-muted hover:text-fg hover:underline hover:underline-offset-4"
        >
          <span aria-hidden="true">← </span>Audit log
        </Link>
        <div className="flex gap-2">
          {event.seq > 1 ? (
            <Link
              href={auditEventHref(project.id, event.seq - 1)}
              className={buttonClasses({ variant: "secondary", size: "sm" })}
            >
              <span aria-hidden="true">←</span> Event #{event.seq - 1}
            </Link>
          ) : null}
          {hasNext ? (
            <Link
              href={auditEventHref(project.id, event.seq + 1)}
              className={buttonClasses({ variant: "secondary", size: "sm" })}
            >
              Event #{event.seq + 1} <span aria-hidden="true">→</span>
            </Link>
          ) : null}
        </div>
      </nav>

      <header className="space-y-2">
        <h2 className="flex flex-wrap items-center gap-3 text-lg font-semibold text-fg">
          <span>Event #{event.seq}</span>
          <ActionBadge action={event.action} />
        </h2>
        <p className="text-sm text-fg-muted">
          By <span className="font-medium text-fg">{actorLabel(event)}</span> at{" "}
          <time dateTime={event.at} className="tabular-nums">
            {formatUtc(event.at)}
          </time>
        </p>
      </header>

      <Card as="section">
        <CardHeader title="What changed" />
        <CardBody>
          <EventData data={event.data} names={names} />
          {event.sealedDetails === null ? (
            <p className="mt-3 text-sm text-fg-muted">
              Sealed details (this ballot’s revision and abstentions) are withheld while the vote is blind;
              they appear here once it closes. The hash above already commits to them.
            </p>
          ) : null}
          {event.sealedDetails ? (
            <div className="mt-3 space-y-1 text-sm">
              <p className="text-fg-muted">Sealed details, revealed:</p>
              <EventData data={event.sealedDetails.details} names={names} />
              <p className="text-xs text-fg-subtle">
                SHA-256(salt <code className="font-mono break-all">{event.sealedDetails.salt}</code> +
                canonical JSON of these details){" "}
                {event.sealMatches
                  ? "equals the “sealed” value recorded in the event."
                  : "does not equal the “sealed” value recorded in the event: the details were changed."}
              </p>
            </div>
          ) : null}
        </CardBody>
      </Card>

      <Card as="section">
        <CardHeader
          title="Recorded fields"
          description="Exactly as stored; all of them except the hashes are covered by this event’s hash."
        />
        <CardBody className="py-1">
          <dl className="divide-y divide-line">
            <Row label="Sequence number">
              <span className="font-mono">{event.seq}</span>
            </Row>
            <Row label="Time">
              <code className="font-mono text-xs">{event.at}</code>
            </Row>
            <Row label="Actor">
              {actorLabel(event)}
              {event.actorId ? (
                <code className="ml-2 font-mono text-xs break-all text-fg-subtle">{event.actorId}</code>
              ) : null}
            </Row>
            <Row label="Action">
              <code className="font-mono text-xs">{event.action}</code>
            </Row>
            <Row label="Entity">
              {entityTypeLabel(event.entityType)}{" "}
              <code className="font-mono text-xs break-all text-fg-subtle">{event.entityId}</code>{" "}
              <Link
                href={auditLogHref(project.id, { entityType: event.entityType, entityId: event.entityId })}
                className="ml-1 font-medium whitespace-nowrap text-accent-text underline-offset-4 hover:underline"
              >
                Its history
              </Link>
            </Row>
          </dl>
        </CardBody>
      </Card>

      <Card as="section">
        <CardHeader
          title="Hashes"
          description="hash = SHA-256(previous hash + canonical JSON of the recorded fields). These checks cover this event only; verify the whole chain from the audit log."
        />
        <CardBody className="space-y-4">
          <dl className="divide-y divide-line">
            <Row label="Previous hash">
              <HashValue value={event.prevHash} label="previous hash" />
            </Row>
            <Row label="Hash">
              <HashValue value={event.hash} label="hash" />
            </Row>
          </dl>
          <ul className="space-y-1.5 text-sm">
            <Check ok={event.hashMatches}>
              {event.hashMatches
                ? "Recomputing the hash from the recorded fields gives the stored hash."
                : "The recorded fields no longer produce the stored hash: this event was changed after it was written."}
            </Check>
            <Check ok={event.linkMatches}>
              {event.seq === 1
                ? event.linkMatches
                  ? "As the first event, it starts from the empty hash."
                  : "As the first event, it should start from the empty hash but does not."
                : event.linkMatches
                  ? `Its previous hash is event #${event.seq - 1}’s hash.`
                  : `Its previous hash does not match event #${event.seq - 1}’s hash (or that event is missing).`}
            </Check>
          </ul>
          <details className="rounded-lg border border-line px-3 py-2">
            <summary className="cursor-pointer text-sm font-medium text-fg-muted hover:text-fg">
              The exact text that is hashed
            </summary>
            <pre className="mt-2 max-h-80 overflow-auto rounded-md bg-surface-muted p-3 font-mono text-xs break-all whitespace-pre-wrap text-fg">
              {hashed}
            </pre>
          </details>
        </CardBody>
      </Card>
    </div>
  );
}
