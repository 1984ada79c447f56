"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Button } from "@/components/button";
import { DatabaseUnavailable } from "@/components/database-unavailable";
import { PageContainer } from "@/components/page";

/**
 * Production builds hide a server error's message from the browser, so whether the database was
 * the cause is asked of the health check instead.
 */
function useDatabaseDown(): boolean | null {
  const [down, setDown] = useState<boolean | null>(null);
  useEffect(() => {
    let current = true;
    fetch("/api/v1/health", { cache: "no-store" })
      .then((response) => response.status === 503)
      .catch(() => false)
      .then((answer) => current && setDown(answer));
    return () => {
      current = false;
    };
  }, []);
  return down;
}

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const databaseDown = useDatabaseDown();

  if (databaseDown === null) return <PageContainer className="min-h-[60vh]">{null}</PageContainer>;
  if (databaseDown) return <DatabaseUnavailable onRecovered={reset} />;
  return (
    <PageContainer className="flex min-h-[60vh] items-center justify-center">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-danger-text">Something went wrong</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-fg">This page could not be shown</h1>
        <p className="mt-3 text-sm text-fg-muted">
          It is our fault, not yours. Try again; if it keeps happening, tell your administrator
          {error.digest ? (
            <>
              {" "}
              and mention the reference <code className="font-mono text-xs text-fg">{error.digest}</code>
            </>
          ) : null}
          .
        </p>
        <div className="mt-6 flex justify-center gap-3">
          <Button onClick={() => reset()}>Try again</Button>
          <Link
            href="/projects"
            className="inline-flex h-10 items-center rounded-lg px-4 text-sm font-medium text-fg-muted hover:bg-surface-muted hover:text-fg"
          >
            Go to projects
          </Link>
        </div>
      </div>
    </PageContainer>
  );
}
