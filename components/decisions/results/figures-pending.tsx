"use client";
// Shown where the uncertainty figures go while the server computes them for the latest ballots: the
// rest of the results is already current. Re-renders the page from the server every few seconds until
// the figures are there (the server decides again what this reader may see), and stops after a while
// with a way to try again, so a page left open does not poll forever.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/button";
import { Card } from "@/components/card";
import { Spinner } from "@/components/spinner";

const POLL_MS = 2_000;
const GIVE_UP_AFTER = 30;

export function FiguresPending() {
  const router = useRouter();
  const [tries, setTries] = useState(0);
  useEffect(() => {
    if (tries >= GIVE_UP_AFTER) return;
    const timer = setTimeout(() => {
      router.refresh();
      setTries((n) => n + 1);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [router, tries]);
  const waiting = tries < GIVE_UP_AFTER;
  return (
    <Card as="section" className="px-5 py-4" aria-busy={waiting}>
      <h3 className="text-xs font-semibold tracking-wide text-fg-subtle uppercase">How sure is this?</h3>
      <p className="mt-2 flex items-start gap-2 text-sm text-fg" role="status" data-testid="figures-pending">
        {waiting ? <Spinner className="mt-0.5 size-4 shrink-0" /> : null}
        {waiting
          ? "Computing confidence, pivotal voters and rank acceptability for the latest ballots…"
          : "The confidence figures are taking longer than usual."}
      </p>
      <p className="mt-1 text-sm text-fg-muted">
        The ranking, totals and cell statistics below already count every ballot; these figures simulate thousands of variations
        of the vote, so they follow a moment later.
      </p>
      {waiting ? null : (
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => setTries(0)}>
          Check again
        </Button>
      )}
    </Card>
  );
}
