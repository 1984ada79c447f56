"use client";

// Shown instead of a page while the database cannot be reached; it asks the health check every few
// seconds and brings the page back by itself once the database answers again.
import { useRouter } from "next/navigation";
import { startTransition, useEffect } from "react";
import { PageContainer } from "./page";

const RETRY_MS = 3_000;

export function DatabaseUnavailable({ onRecovered }: { onRecovered?: () => void }) {
  const router = useRouter();
  useEffect(() => {
    let done = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch("/api/v1/health", { cache: "no-store" });
        if (!response.ok || done) return;
      } catch {
        return; // the server itself is away too: keep asking
      }
      done = true;
      clearInterval(timer);
      startTransition(() => {
        router.refresh();
        onRecovered?.();
      });
    }, RETRY_MS);
    return () => {
      done = true;
      clearInterval(timer);
    };
  }, [router, onRecovered]);

  return (
    <PageContainer className="flex min-h-[60vh] items-center justify-center">
      <div role="alert" className="max-w-md text-center">
        <h1 className="text-2xl font-semibold tracking-tight text-fg">Database unavailable — retrying</h1>
        <p className="mt-3 text-sm text-fg-muted">
          Verdict cannot reach its database right now. This page comes back by itself as soon as the database
          answers again; if it stays like this, tell your administrator.
        </p>
      </div>
    </PageContainer>
  );
}
