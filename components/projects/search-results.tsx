// The hits of a project search: each decision with its status, where the words were found and a line
// of text around them.
import Link from "next/link";
import type { SearchField, SearchResponse } from "@/lib/schemas/search";
import { pluralize } from "../format";
import { StatusBadge } from "../decisions/status-badge";
import { RecordStatusBadge } from "../records/record-status";

const FIELD_LABEL: Record<SearchField, string> = {
  title: "title",
  context: "context",
  option: "an option",
  criterion: "a criterion",
  record: "the record",
};

/** The query's occurrences in a line, marked. */
function Highlighted({ text, query }: { text: string; query: string }) {
  const lower = text.toLowerCase();
  const needle = query.toLowerCase();
  const parts: React.ReactNode[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at !== -1 && needle; at = lower.indexOf(needle, at + needle.length)) {
    parts.push(text.slice(from, at));
    parts.push(
      <mark key={at} className="rounded-sm bg-amber-100 px-0.5 text-fg dark:bg-amber-400/25">
        {text.slice(at, at + needle.length)}
      </mark>,
    );
    from = at + needle.length;
  }
  parts.push(text.slice(from));
  return <>{parts}</>;
}

export function ProjectSearchResults({ projectId, result }: { projectId: string; result: SearchResponse }) {
  return (
    <div className="space-y-3">
      <p className="text-sm text-fg-muted" role="status">
        {result.truncated
          ? `The first ${result.hits.length} matching decisions`
          : pluralize(result.hits.length, "matching decision")}
        {result.truncated ? " — narrow the search to see the rest." : "."}
      </p>
      <ol className="divide-y divide-line overflow-hidden rounded-xl border border-line bg-surface shadow-xs">
        {result.hits.map((hit) => {
          const href =
            hit.recordStatus && hit.matchedIn.includes("record") && hit.matchedIn.every((f) => f === "record")
              ? `/projects/${projectId}/records/${hit.decisionId}`
              : `/projects/${projectId}/decisions/${hit.decisionId}`;
          return (
            <li key={hit.decisionId} className="space-y-1.5 px-5 py-4">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-mono text-xs text-fg-muted">{hit.key}</span>
                <StatusBadge status={hit.status} />
                {hit.recordStatus ? <RecordStatusBadge status={hit.recordStatus} /> : null}
              </div>
              <h3 className="text-base font-semibold break-words text-fg">
                <Link href={href} className="hover:underline hover:underline-offset-4">
                  <Highlighted text={hit.title} query={result.query} />
                </Link>
              </h3>
              {hit.excerpt ? (
                <p className="text-sm break-words text-fg-muted">
                  <Highlighted text={hit.excerpt} query={result.query} />
                </p>
              ) : null}
              <p className="text-xs text-fg-muted">
                Found in {hit.matchedIn.map((field) => FIELD_LABEL[field]).join(", ")}
                {hit.recordStatus ? (
                  <>
                    {" · "}
                    <Link
                      href={`/projects/${projectId}/records/${hit.decisionId}`}
                      className="font-medium text-accent-text underline-offset-4 hover:underline"
                    >
                      Open the record<span className="sr-only"> of {hit.key}</span>
                    </Link>
                  </>
                ) : null}
              </p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
