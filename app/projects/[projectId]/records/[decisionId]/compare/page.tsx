import { BackLink } from "@/components/back-link";
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/button";
import { controlClasses } from "@/components/field";
import { formatDateTime } from "@/components/format";
import { DiffView } from "@/components/records/diff-view";
import { diffLines, diffStats, foldUnchanged, sideBySide } from "@/lib/domain/line-diff";
import { getRecordMarkdown } from "@/lib/server/records/get-record-markdown";
import { loadRecordPage, orNotFound, recordPath } from "../../data";

type Props = {
  params: Promise<{ projectId: string; decisionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { projectId, decisionId } = await params;
  const { record } = await loadRecordPage(
    projectId,
    decisionId,
    `${recordPath(projectId, decisionId)}/compare`,
  );
  return { title: `Compare versions of ${record.key}` };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function CompareVersionsPage({ params, searchParams }: Props) {
  const { projectId, decisionId } = await params;
  const search = await searchParams;
  const base = recordPath(projectId, decisionId);
  const { actor, record } = await loadRecordPage(projectId, decisionId, `${base}/compare`);
  const numbers = record.versions.map((v) => v.version);
  const latest = numbers[numbers.length - 1]!;
  const pick = (raw: string | undefined, fallback: number) =>
    numbers.includes(Number(raw)) ? Number(raw) : fallback;
  const a = pick(first(search.a), numbers[numbers.length - 2] ?? latest);
  const b = pick(first(search.b), latest);
  const [left, right] = await Promise.all([
    orNotFound(getRecordMarkdown(actor, decisionId, a)),
    orNotFound(getRecordMarkdown(actor, decisionId, b)),
  ]);
  const diff = diffLines(left.markdown, right.markdown);
  const stats = diffStats(diff);
  const full = first(search.full) === "1";
  const rows = sideBySide(diff);
  const describe = (n: number) => {
    const v = record.versions.find((x) => x.version === n)!;
    return `Version ${n}${v.authorName ? ` · ${v.authorName}` : ""} · ${formatDateTime(v.createdAt)}`;
  };

  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <BackLink href={base}>Back to {record.key}</BackLink>
        <h2 className="text-xl font-semibold tracking-tight break-words text-fg sm:text-2xl">
          Compare versions of {record.key}: {record.title}
        </h2>
      </header>

      <form method="get" className="flex flex-wrap items-end gap-3">
        {(["a", "b"] as const).map((name) => (
          <div key={name} className="space-y-1.5">
            <label htmlFor={`version-${name}`} className="block text-sm font-medium text-fg">
              {name === "a" ? "Older" : "Newer"}
            </label>
            <select
              id={`version-${name}`}
              name={name}
              defaultValue={name === "a" ? a : b}
              className={`${controlClasses} h-10 w-56`}
            >
              {record.versions.map((v) => (
                <option key={v.version} value={v.version}>
                  Version {v.version}
                  {v.authorName ? ` · ${v.authorName}` : ""}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className={buttonClasses()}>
          Compare
        </button>
      </form>

      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <p className="text-sm text-fg-muted" data-testid="diff-summary">
          {a === b ? (
            "Both sides show the same version."
          ) : stats.added + stats.removed === 0 ? (
            "The two versions are identical."
          ) : (
            <>
              <span className="font-medium text-success-text">+{stats.added}</span>{" "}
              <span className="font-medium text-danger-text">−{stats.removed}</span> lines between version {a}{" "}
              and version {b}.
            </>
          )}
        </p>
        <Link
          href={`${base}/compare?a=${a}&b=${b}${full ? "" : "&full=1"}`}
          className="text-sm font-medium text-accent-text hover:underline"
        >
          {full ? "Hide unchanged lines" : "Show all lines"}
        </Link>
      </div>
      <DiffView
        rows={full ? rows : foldUnchanged(rows, 3)}
        leftLabel={describe(a)}
        rightLabel={describe(b)}
      />
    </div>
  );
}
