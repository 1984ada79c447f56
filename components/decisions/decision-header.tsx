// The head of every decision page: key, status, title, and the decision's own tabs.
import { BackLink } from "@/components/back-link";
import Link from "next/link";
import type { ReactNode } from "react";
import { StatusBadge } from "./status-badge";
import type { DecisionStatus } from "@/lib/schemas/responses";

export type DecisionTab = "overview" | "vote" | "results" | "ballots" | "history";

export interface DecisionTabLink {
  tab: DecisionTab;
  label: string;
  href: string;
}

export function DecisionHeader({
  decisionKey,
  title,
  status,
  backHref,
  tabs,
  current,
  actions,
  meta,
}: {
  decisionKey: string;
  title: string;
  status: DecisionStatus;
  backHref: string;
  tabs: DecisionTabLink[];
  current: DecisionTab | null;
  actions?: ReactNode;
  meta?: ReactNode;
}) {
  return (
    <header className="mb-4 sm:mb-6">
      {/* Phones reach the list through the project's Decisions tab just above. */}
      <div className="hidden sm:block">
        <BackLink href={backHref}>All decisions</BackLink>
      </div>
      <div className="mt-0 grid sm:mt-3 gap-4 md:grid-cols-[minmax(0,1fr)_auto] md:items-start">
        <div className="min-w-0 max-w-3xl">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-sm font-medium text-fg-subtle">{decisionKey}</span>
            <StatusBadge status={status} />
          </div>
          <h2 className="mt-1.5 text-xl font-semibold tracking-tight break-words text-fg sm:text-2xl">{title}</h2>
          {meta ? <div className="mt-2 text-sm text-fg-muted">{meta}</div> : null}
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2 md:justify-end">{actions}</div> : null}
      </div>
      {tabs.length > 1 ? (
        <nav aria-label="Decision sections" className="relative mt-3 -mx-4 overflow-x-auto sm:mt-5 px-4 sm:mx-0 sm:px-0">
          <ul className="flex min-w-max gap-1 rounded-lg bg-surface-muted p-1 sm:inline-flex">
            {tabs.map((tab) => {
              const active = tab.tab === current;
              return (
                <li key={tab.tab}>
                  <Link
                    href={tab.href}
                    aria-current={active ? "page" : undefined}
                    className={`inline-flex h-8 items-center rounded-md px-3 text-sm font-medium transition-colors ${
                      active ? "bg-surface text-fg shadow-xs" : "text-fg-muted hover:text-fg"
                    }`}
                  >
                    {tab.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
