// The publish log: one row per publication with its outcome; a conflict opens to the two texts side by side.
import type { ReactNode } from "react";
import type { z } from "zod";
import type { publicationSchema } from "@/lib/schemas/repository";
import { formatDateTime } from "../format";

export type PublicationView = z.infer<typeof publicationSchema>;

const STATUS_LABEL: Record<PublicationView["status"], string> = {
  pending: "Waiting",
  published: "Published",
  unchanged: "Already in git",
  conflict: "Conflict",
  failed: "Failed",
  skipped: "Skipped",
  resolved: "Resolved",
};

const STATUS_TONE: Record<PublicationView["status"], string> = {
  pending: "bg-surface-muted text-fg-muted",
  published: "bg-success-soft text-success-text",
  unchanged: "bg-surface-muted text-fg-muted",
  conflict: "bg-warning-soft text-warning-text",
  failed: "bg-danger-soft text-danger-text",
  skipped: "bg-surface-muted text-fg-muted",
  resolved: "bg-surface-muted text-fg-muted",
};

export function PublicationStatus({ status }: { status: PublicationView["status"] }) {
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_TONE[status]}`}
    >
      {STATUS_LABEL[status]}
    </span>
  );
}

export function ConflictTexts({ publication }: { publication: PublicationView }) {
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <figure className="min-w-0">
        <figcaption className="mb-1 text-xs font-medium text-fg-muted">
          In git now ({publication.branch})
        </figcaption>
        <pre className="max-h-72 overflow-auto rounded-lg border border-line bg-surface-muted p-3 text-xs whitespace-pre-wrap break-words text-fg">
          {publication.remoteText || "(the file was deleted)"}
        </pre>
      </figure>
      <figure className="min-w-0">
        <figcaption className="mb-1 text-xs font-medium text-fg-muted">Verdict&apos;s version</figcaption>
        <pre className="max-h-72 overflow-auto rounded-lg border border-line bg-surface-muted p-3 text-xs whitespace-pre-wrap break-words text-fg">
          {publication.verdictText}
        </pre>
      </figure>
    </div>
  );
}

export function PublishLog({
  publications,
  overwrite,
}: {
  publications: PublicationView[];
  /** The control that resolves a conflict, for those allowed to. */
  overwrite?: (publicationId: string) => ReactNode;
}) {
  return (
    <ul className="divide-y divide-line" aria-labelledby="publish-log-heading">
      {publications.map((p) => (
        <li key={p.id} className="space-y-2 px-4 py-3 sm:px-5">
          <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
            <div className="min-w-0 flex-1">
              <p className="text-sm font-medium break-words text-fg">
                {p.recordKey}: {p.change} <span className="font-normal text-fg-muted">“{p.recordTitle}”</span>
              </p>
              <p className="mt-0.5 text-xs text-fg-muted">
                <time dateTime={p.attemptedAt ?? p.createdAt}>
                  {formatDateTime(new Date(p.attemptedAt ?? p.createdAt))}
                </time>
                {p.actorName ? ` · by ${p.actorName}` : ""}
                {p.branch ? (
                  <>
                    {" · "}
                    <span className="font-mono">{p.branch}</span>
                  </>
                ) : null}
                {p.commitId ? (
                  <>
                    {" · commit "}
                    <span className="font-mono" title={p.commitId}>
                      {p.commitId.slice(0, 10)}
                    </span>
                  </>
                ) : null}
                {p.deletedBranch ? (
                  <>
                    {" · deleted branch "}
                    <span className="font-mono">{p.deletedBranch}</span>
                  </>
                ) : null}
                {p.attempts > 1 ? ` · ${p.attempts} attempts` : ""}
              </p>
            </div>
            <PublicationStatus status={p.status} />
          </div>
          {p.error && p.status !== "published" ? (
            <p className="text-sm break-words text-fg-muted">{p.error}</p>
          ) : null}
          {p.status === "conflict" ? (
            <details className="space-y-3">
              <summary className="cursor-pointer text-sm font-medium text-accent-text">
                Compare the two versions
              </summary>
              <div className="mt-3 space-y-3">
                <ConflictTexts publication={p} />
                {overwrite ? (
                  <div className="flex flex-wrap items-start gap-3">
                    {overwrite(p.id)}
                    <p className="text-xs text-fg-subtle">
                      Or leave the file as it is in git: Verdict will not touch it.
                    </p>
                  </div>
                ) : null}
              </div>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
