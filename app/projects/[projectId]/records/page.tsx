import type { Metadata } from "next";
import Link from "next/link";
import { MutedBadge } from "@/components/badge";
import { buttonClasses } from "@/components/button";
import { EmptyState } from "@/components/empty-state";
import { controlClasses } from "@/components/field";
import { FileTextIcon } from "@/components/icons";
import { ImportRecordsForm } from "@/components/records/import-records-form";
import { RecordStatusBadge } from "@/components/records/record-status";
import { ReviewDueBadge } from "@/components/records/review-due";
import {
  RECORD_EXPORT_FORMATS,
  RECORD_STATUS_FILTERS,
  type RecordExportFormat,
  type RecordStatusFilter,
} from "@/lib/schemas/record";
import { can } from "@/lib/server/access";
import { listRecords } from "@/lib/server/records/list-records";
import { loadProject } from "../data";
import { orNotFound, recordPath, recordsPath } from "./data";

export const metadata: Metadata = { title: "Records" };

type Props = {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const STATUS_LABEL: Record<RecordStatusFilter, string> = {
  proposed: "Proposed",
  accepted: "Accepted",
  rejected: "Rejected",
  deprecated: "Deprecated",
  superseded: "Superseded",
};

const FORMAT_LABEL: Record<RecordExportFormat, string> = {
  madr: "MADR 4",
  log4brains: "log4brains",
  nygard: "adr-tools (Nygard)",
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function RecordsPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  const search = await searchParams;
  const { actor, project } = await loadProject(projectId, recordsPath(projectId));
  const statusParam = first(search.status);
  const status = RECORD_STATUS_FILTERS.find((s) => s === statusParam);
  const q = first(search.q).trim().slice(0, 200);
  const records = await orNotFound(
    listRecords(actor, projectId, { ...(status ? { status } : {}), ...(q ? { q } : {}) }),
  );
  const manager = can(project.role, "record.manage");
  const recordFormat = RECORD_EXPORT_FORMATS.find((f) => f === project.recordFormat) ?? "madr";
  const filtered = Boolean(status || q);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h2 className="text-xl font-semibold tracking-tight text-fg">Decision records</h2>
          <p className="mt-1 max-w-2xl text-sm text-fg-muted">
            Architecture Decision Records in MADR format, one per closed decision. Leads review and accept
            them; an accepted record never changes again, it can only be deprecated or superseded.
          </p>
        </div>
        {/* A plain GET form: the zip downloads without any script, in the format picked here. */}
        <form
          method="get"
          action={`/api/v1/projects/${projectId}/records.zip`}
          className="flex flex-wrap items-end gap-2"
          aria-label="Download all records"
        >
          <div className="space-y-1.5">
            <label htmlFor="records-format" className="block text-sm font-medium text-fg">
              Format
            </label>
            <select
              id="records-format"
              name="format"
              defaultValue={recordFormat}
              className={`${controlClasses} h-10 w-52`}
            >
              {RECORD_EXPORT_FORMATS.map((format) => (
                <option key={format} value={format}>
                  {FORMAT_LABEL[format]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClasses({ variant: "secondary" })}>
            Download all (.zip)
          </button>
        </form>
      </div>

      <form role="search" method="get" className="flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1 space-y-1.5">
          <label htmlFor="records-q" className="block text-sm font-medium text-fg">
            Search titles and text
          </label>
          <input
            id="records-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={200}
            placeholder="e.g. serving, PyTorch"
            className={`${controlClasses} h-10`}
          />
        </div>
        <div className="w-44 space-y-1.5">
          <label htmlFor="records-status" className="block text-sm font-medium text-fg">
            Status
          </label>
          <select
            id="records-status"
            name="status"
            defaultValue={status ?? ""}
            className={`${controlClasses} h-10`}
          >
            <option value="">All statuses</option>
            {RECORD_STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses()}>
          Apply
        </button>
        {filtered ? (
          <Link href={recordsPath(projectId)} className={buttonClasses({ variant: "ghost" })}>
            Clear
          </Link>
        ) : null}
      </form>

      {records.length === 0 ? (
        <EmptyState icon={<FileTextIcon />} title={filtered ? "No record matches" : "No records yet"}>
          {filtered ? (
            <p>Try other words or another status, or clear the filters.</p>
          ) : (
            <p>
              A record is written when a decision&apos;s vote closes.{" "}
              {manager ? "You can also import the records your team kept elsewhere." : ""}
            </p>
          )}
        </EmptyState>
      ) : (
        <section aria-labelledby="records-list-title">
          <h3 id="records-list-title" className="sr-only">
            {filtered ? `${records.length} matching records` : "All records"}
          </h3>
          <ul className="divide-y divide-line overflow-hidden rounded-xl border border-line bg-surface shadow-xs">
            {records.map((record) => (
              <li
                key={record.id}
                className="group relative px-4 py-4 transition-colors hover:bg-surface-muted/60 sm:px-5"
              >
                <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:gap-6">
                  <div className="min-w-0 flex-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-mono text-xs font-medium text-fg-subtle">{record.key}</span>
                      <RecordStatusBadge status={record.status} />
                      {record.historical ? <MutedBadge>Imported</MutedBadge> : null}
                      {record.reviewDue ? <ReviewDueBadge since={record.reviewBy} /> : null}
                    </div>
                    <h4 className="mt-1.5 text-[15px] font-medium break-words text-fg">
                      <Link
                        href={recordPath(projectId, record.decisionId)}
                        className="outline-none after:absolute after:inset-0 focus-visible:after:outline-2 focus-visible:after:-outline-offset-2 focus-visible:after:outline-ring"
                      >
                        {record.title}
                      </Link>
                    </h4>
                    {record.willSupersede ? (
                      <p className="relative z-10 mt-1 text-xs text-fg-muted">
                        Will supersede{" "}
                        <Link
                          href={recordPath(projectId, record.willSupersede.decisionId)}
                          className="font-medium text-accent-text hover:underline"
                        >
                          {record.willSupersede.key}
                        </Link>{" "}
                        once accepted
                      </p>
                    ) : null}
                    {record.supersededBy || record.supersedes.length > 0 ? (
                      <p className="relative z-10 mt-1 text-xs text-fg-muted">
                        {record.supersededBy ? (
                          <>
                            {record.key} → superseded by{" "}
                            <Link
                              href={recordPath(projectId, record.supersededBy.decisionId)}
                              className="font-medium text-accent-text hover:underline"
                            >
                              {record.supersededBy.key}
                            </Link>
                          </>
                        ) : null}
                        {record.supersededBy && record.supersedes.length > 0 ? " · " : null}
                        {record.supersedes.length > 0 ? (
                          <>
                            {record.supersededBy ? "supersedes" : "Supersedes"}{" "}
                            {record.supersedes.map((older, index) => (
                              <span key={older.decisionId}>
                                {index > 0 ? ", " : null}
                                <Link
                                  href={recordPath(projectId, older.decisionId)}
                                  className="font-medium text-accent-text hover:underline"
                                >
                                  {older.key}
                                </Link>
                              </span>
                            ))}
                          </>
                        ) : null}
                      </p>
                    ) : null}
                    {record.excerpt ? (
                      <p className="mt-1 line-clamp-2 text-xs text-fg-subtle">{record.excerpt}</p>
                    ) : null}
                  </div>
                  <dl className="grid shrink-0 grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs sm:w-64">
                    <dt className="text-fg-subtle">Date</dt>
                    <dd className="text-fg">{record.date ?? "unknown"}</dd>
                    <dt className="text-fg-subtle">Chosen</dt>
                    <dd className="truncate text-fg" title={record.chosenOption?.name}>
                      {record.chosenOption?.name ?? <span className="text-fg-subtle">No option chosen</span>}
                    </dd>
                    <dt className="text-fg-subtle">Version</dt>
                    <dd className="text-fg">{record.version}</dd>
                  </dl>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      {manager ? (
        <details className="rounded-xl border border-line bg-surface px-5 py-4 shadow-xs">
          <summary className="cursor-pointer text-sm font-medium text-fg">Import existing records</summary>
          <div className="mt-4 max-w-xl">
            <ImportRecordsForm endpoint={`/api/v1/projects/${projectId}/records/import`} />
          </div>
        </details>
      ) : null}
    </div>
  );
}
