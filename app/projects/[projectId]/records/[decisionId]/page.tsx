import { BackLink } from "@/components/back-link";
import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/alert";
import { MutedBadge } from "@/components/badge";
import { buttonClasses } from "@/components/button";
import { Card, CardBody, CardHeader } from "@/components/card";
import { controlClasses } from "@/components/field";
import { formatDateTime } from "@/components/format";
import { Markdown } from "@/components/markdown";
import { RecordActions } from "@/components/records/record-actions";
import { RecordStatusBadge } from "@/components/records/record-status";
import { RecordReview } from "@/components/records/record-review";
import { ReviewDueBadge } from "@/components/records/review-due";
import { NARRATIVE_LABEL } from "@/lib/schemas/record";
import { can } from "@/lib/server/access";
import { listRecords } from "@/lib/server/records/list-records";
import { getRecordMarkdown } from "@/lib/server/records/get-record-markdown";
import { loadEntityHistory, loadProject } from "../../data";
import {
  acceptRecordAction,
  deprecateRecordAction,
  rejectRecordAction,
  supersedeRecordAction,
} from "../actions";
import { EntityHistory } from "@/components/audit/entity-history";
import { RecordPublishStatus } from "@/components/git/record-publish-status";
import { lastRecordPublication } from "@/lib/server/git/publish-log";
import { confirmReviewAction, setReviewDateAction, startReviewDecisionAction } from "../review-actions";
import { aYearFromToday, reviewState } from "../review-state";
import { loadRecordPage, orNotFound, recordPath, recordsPath } from "../data";
import { LiveDecisionBar } from "../../decisions/live";
import { requireActor } from "@/app/_lib/session";

type Props = {
  params: Promise<{ projectId: string; decisionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { projectId, decisionId } = await params;
  const { record } = await loadRecordPage(projectId, decisionId, recordPath(projectId, decisionId));
  return { title: `${record.key}: ${record.title}` };
}

export default async function RecordPage({ params, searchParams }: Props) {
  const { projectId, decisionId } = await params;
  const search = await searchParams;
  const base = recordPath(projectId, decisionId);
  const actor = await requireActor(base);
  // Two passes of reads, each in parallel: the record, the caller's role and whatever needs neither,
  // then what they call for.
  const [{ record }, { project }, publication] = await Promise.all([
    loadRecordPage(projectId, decisionId, base),
    loadProject(projectId, base),
    // undefined: no repository connected, so no Git card.
    orNotFound(lastRecordPublication(actor, decisionId)).then((p) => (p.connected ? p.publication : undefined)),
  ]);
  const lead = can(project.role, "record.manage");
  const latest = record.versions[record.versions.length - 1]!;
  const asked = Number(Array.isArray(search.version) ? search.version[0] : search.version);
  const viewing = record.versions.find((v) => v.version === asked) ?? latest;
  const editable = lead && record.status === "proposed" && !record.historical;
  const [markdown, candidates, history] = await Promise.all([
    viewing.version === latest.version
      ? record.markdown
      : orNotFound(getRecordMarkdown(actor, decisionId, viewing.version)).then((r) => r.markdown),
    lead && record.status === "accepted"
      ? listRecords(actor, projectId).then((records) =>
          records.filter((r) => r.decisionId !== decisionId && (r.status === "proposed" || r.status === "accepted")),
        )
      : [],
    loadEntityHistory(actor, projectId, { entityType: "record", entityId: record.id }, 20),
  ]);
  const previous =
    record.versions.length > 1 ? record.versions[record.versions.length - 2]!.version : latest.version;

  return (
    <div>
      <header className="mb-4 sm:mb-6" data-testid="record-header">
        {/* Phones reach the list through the project's Records tab just above. */}
        <div className="hidden sm:block">
          <BackLink href={recordsPath(projectId)}>All records</BackLink>
        </div>
        <div className="flex sm:mt-3 flex-wrap items-start justify-between gap-4">
          <div className="min-w-0 max-w-3xl">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-mono text-sm font-medium text-fg-subtle">{record.key}</span>
              <RecordStatusBadge status={record.status} />
              {record.historical ? <MutedBadge>Imported</MutedBadge> : null}
              {record.review.due ? <ReviewDueBadge since={record.review.reviewBy} /> : null}
            </div>
            <h2 className="mt-1.5 text-xl font-semibold tracking-tight break-words text-fg sm:text-2xl">
              {record.title}
            </h2>
            <p className="mt-2 text-sm text-fg-muted">
              Version {latest.version}
              {latest.authorName ? ` by ${latest.authorName}` : ""} · {formatDateTime(latest.createdAt)}
              {record.chosenOption ? ` · Chosen: ${record.chosenOption.name}` : ""}
            </p>
            {/* Phones find the file name in the Export card below. */}
            <p className="mt-1 hidden font-mono text-xs break-all text-fg-subtle sm:block">
              {record.fileName}
              {record.fileNameFixed ? "" : " (fixed on first export)"}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {/* On phones the Export card below holds the download, so these buttons fit one row. */}
            <a
              href={`/api/v1/decisions/${decisionId}/record.md`}
              download={record.fileName}
              className={`${buttonClasses({ variant: "secondary" })} max-sm:hidden`}
            >
              Download .md
            </a>
            {record.versions.length > 1 ? (
              <Link
                href={`${base}/compare?a=${previous}&b=${latest.version}`}
                className={buttonClasses({ variant: "ghost" })}
              >
                Compare versions
              </Link>
            ) : null}
            {!record.historical ? (
              <Link
                href={`/projects/${projectId}/decisions/${decisionId}`}
                className={buttonClasses({ variant: "ghost" })}
              >
                View decision
              </Link>
            ) : null}
          </div>
        </div>
      </header>
      {record.historical ? null : <LiveDecisionBar projectId={projectId} decisionId={decisionId} />}

      <div className="space-y-3">
        {first(search.saved) === "1" ? (
          <Alert tone="success">Saved as version {latest.version}.</Alert>
        ) : null}
        {record.supersededBy ? (
          <Alert tone="info" title={`Superseded by ${record.supersededBy.key}`}>
            <Link
              href={recordPath(projectId, record.supersededBy.decisionId)}
              className="font-medium underline underline-offset-2"
            >
              {record.supersededBy.key}: {record.supersededBy.title}
            </Link>{" "}
            replaces this decision.
          </Alert>
        ) : null}
        {record.willSupersede ? (
          <Alert tone="info" title={`Will supersede ${record.willSupersede.key} once accepted`}>
            <Link
              href={recordPath(projectId, record.willSupersede.decisionId)}
              className="font-medium underline underline-offset-2"
            >
              {record.willSupersede.key}: {record.willSupersede.title}
            </Link>{" "}
            stays {record.willSupersede.status} until this record is accepted; if it is rejected, nothing changes.
          </Alert>
        ) : null}
        {record.supersedes.length > 0 ? (
          <p className="text-sm text-fg-muted">
            Supersedes{" "}
            {record.supersedes.map((older, index) => (
              <span key={older.decisionId}>
                {index > 0 ? ", " : null}
                <Link
                  href={recordPath(projectId, older.decisionId)}
                  className="font-medium text-accent-text hover:underline"
                >
                  {older.key}: {older.title}
                </Link>
              </span>
            ))}
            .
          </p>
        ) : null}
        {viewing.version !== latest.version ? (
          <Alert tone="warning" title={`You are reading version ${viewing.version} of ${latest.version}`}>
            Written {viewing.authorName ? `by ${viewing.authorName} ` : ""}on{" "}
            {formatDateTime(viewing.createdAt)}.{" "}
            <Link href={base} className="font-medium underline underline-offset-2">
              Read the current version
            </Link>
          </Alert>
        ) : null}
      </div>

      <div className="mt-4 grid gap-4 sm:mt-6 sm:gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card as="article" className="min-w-0">
          <CardBody className="px-5 py-6 sm:px-8">
            <Markdown source={markdown} />
          </CardBody>
        </Card>

        <aside className="space-y-4 sm:space-y-6">
          <RecordReview
            status={record.status}
            review={reviewState(projectId, record.review)}
            canManage={lead}
            suggestedNext={aYearFromToday()}
            setAction={setReviewDateAction.bind(null, projectId, decisionId)}
            confirmAction={confirmReviewAction.bind(null, projectId, decisionId)}
            startAction={startReviewDecisionAction.bind(null, projectId, decisionId)}
          />
          {lead && (record.status === "proposed" || record.status === "accepted") ? (
            <Card as="section">
              <CardHeader
                title="Review"
                level={3}
                description={
                  record.status === "proposed"
                    ? "Edit the narrative, then accept or reject the record."
                    : "This record is accepted. Its text is final; its status can still change."
                }
              />
              <CardBody>
                <RecordActions
                  status={record.status}
                  editHref={editable ? `${base}/edit` : null}
                  missingChoice={
                    record.status === "proposed" && !record.historical && record.chosenOptionId === null
                      ? "No option is chosen yet: the vote did not decide. Edit the narrative to pick one and say why."
                      : null
                  }
                  candidates={candidates.map((c) => ({
                    decisionId: c.decisionId,
                    key: c.key,
                    title: c.title,
                    status: c.status,
                  }))}
                  acceptAction={acceptRecordAction.bind(null, projectId, decisionId)}
                  rejectAction={rejectRecordAction.bind(null, projectId, decisionId)}
                  deprecateAction={deprecateRecordAction.bind(null, projectId, decisionId)}
                  supersedeAction={supersedeRecordAction.bind(null, projectId, decisionId)}
                />
              </CardBody>
            </Card>
          ) : null}

          <Card as="section">
            <CardHeader
              title="Versions"
              level={3}
              description={`${record.versions.length} ${record.versions.length === 1 ? "version" : "versions"}, newest first.`}
            />
            <ol className="divide-y divide-line">
              {[...record.versions].reverse().map((version) => (
                <li key={version.version} className="px-5 py-3 text-sm">
                  <div className="flex items-baseline justify-between gap-2">
                    <Link
                      href={version.version === latest.version ? base : `${base}?version=${version.version}`}
                      aria-current={version.version === viewing.version ? "true" : undefined}
                      className="font-medium text-fg hover:underline aria-[current]:text-accent-text"
                    >
                      Version {version.version}
                    </Link>
                    <span className="text-xs text-fg-subtle">{formatDateTime(version.createdAt)}</span>
                  </div>
                  <p className="mt-0.5 text-xs text-fg-muted">
                    {version.authorName ?? "Automatic (deadline)"}
                  </p>
                  {version.note ? (
                    <p className="mt-1 text-xs break-words text-fg-muted">{version.note}</p>
                  ) : null}
                  {version.changedFields.length > 0 ? (
                    <p className="mt-1 text-xs text-fg-subtle">
                      Changed: {version.changedFields.map((field) => NARRATIVE_LABEL[field]).join(", ")}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
            {record.versions.length > 1 ? (
              // Phones compare the latest two with the header's "Compare versions"; the picker needs more room.
              <form
                method="get"
                action={`${base}/compare`}
                className="hidden flex-wrap items-end gap-2 border-t border-line px-5 py-4 sm:flex"
              >
                <VersionSelect
                  name="a"
                  label="Compare"
                  versions={record.versions.map((v) => v.version)}
                  value={previous}
                />
                <VersionSelect
                  name="b"
                  label="with"
                  versions={record.versions.map((v) => v.version)}
                  value={latest.version}
                />
                <button type="submit" className={buttonClasses({ variant: "secondary", size: "sm" })}>
                  Compare
                </button>
              </form>
            ) : null}
          </Card>

          {publication !== undefined ? (
            <RecordPublishStatus
              publication={publication}
              settingsHref={can(project.role, "repository.publish") ? `/projects/${projectId}/settings/git` : null}
            />
          ) : null}

          <Card as="section">
            <CardHeader title="Export" level={3} />
            <CardBody className="space-y-2 text-sm">
              <p>
                <a
                  href={`/api/v1/decisions/${decisionId}/record.md`}
                  download={record.fileName}
                  className="font-medium text-accent-text hover:underline"
                >
                  {record.fileName}
                </a>
              </p>
              {!record.historical ? (
                <>
                  <p>
                    <a
                      href={`/api/v1/decisions/${decisionId}/export.json`}
                      download
                      className="font-medium text-accent-text hover:underline"
                    >
                      Decision, ballots and result (.json)
                    </a>
                  </p>
                  <p>
                    <a
                      href={`/api/v1/decisions/${decisionId}/ballots.csv`}
                      download
                      className="font-medium text-accent-text hover:underline"
                    >
                      Ballots (.csv)
                    </a>
                  </p>
                </>
              ) : null}
            </CardBody>
          </Card>
        </aside>
      </div>

      {/* Full width: a revision's before and after need room side by side, which the sidebar lacks. */}
      <div className="mt-6 sm:mt-8" data-testid="record-history">
        <EntityHistory projectId={projectId} entityType="record" entityId={record.id} page={history} foldLongData />
      </div>
    </div>
  );
}

function first(value: string | string[] | undefined) {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function VersionSelect({
  name,
  label,
  versions,
  value,
}: {
  name: string;
  label: string;
  versions: number[];
  value: number;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={`compare-${name}`} className="block text-xs font-medium text-fg-muted">
        {label}
      </label>
      <select
        id={`compare-${name}`}
        name={name}
        defaultValue={value}
        className={`${controlClasses} h-8 w-20`}
      >
        {versions.map((v) => (
          <option key={v} value={v}>
            v{v}
          </option>
        ))}
      </select>
    </div>
  );
}
