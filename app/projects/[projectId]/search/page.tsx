import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { ProjectSearchResults } from "@/components/projects/search-results";
import { AppError } from "@/lib/errors";
import { SEARCH_MIN_LENGTH } from "@/lib/schemas/search";
import { searchProject } from "@/lib/server/projects/search-project";
import { loadProject } from "../data";

export const metadata: Metadata = { title: "Search" };

type Props = {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function SearchPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  const { actor } = await loadProject(
    projectId,
    `/projects/${projectId}/search${q ? `?q=${encodeURIComponent(q)}` : ""}`,
  );

  let result: Awaited<ReturnType<typeof searchProject>> | null = null;
  let problem: string | null = null;
  if (q.length < SEARCH_MIN_LENGTH) {
    problem = `Type at least ${SEARCH_MIN_LENGTH} characters in the search box above.`;
  } else {
    try {
      result = await searchProject(actor, projectId, { q });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "unprocessable") throw error;
      problem = error.message;
    }
  }

  return (
    <section aria-labelledby="search-heading" className="space-y-6">
      <div>
        <h2 id="search-heading" className="text-xl font-semibold tracking-tight text-fg">
          {result ? <>Results for “{result.query}”</> : "Search"}
        </h2>
        <p className="mt-1 max-w-2xl text-sm text-fg-muted">
          Searches every decision of this project — title, context, options, criteria — and the current text
          of its decision record.
        </p>
      </div>
      {problem ? (
        <p className="rounded-lg border border-line bg-surface px-4 py-3 text-sm text-fg-muted">{problem}</p>
      ) : result && result.hits.length === 0 ? (
        <EmptyState title="Nothing matches">
          No decision or record of this project contains “{result.query}”. Try another word, or browse the{" "}
          <Link
            href={`/projects/${projectId}/decisions`}
            className="font-medium text-accent-text underline underline-offset-4"
          >
            decisions
          </Link>
          .
        </EmptyState>
      ) : result ? (
        <ProjectSearchResults projectId={projectId} result={result} />
      ) : null}
    </section>
  );
}
