"use client";
// The project's section tabs. They are links (each section has its own URL), marked with aria-current.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

// `short` is the phone label, so the tabs take less room at 390 px.
const TABS: readonly { segment: string; label: string; short?: string }[] = [
  { segment: "", label: "Overview" },
  { segment: "decisions", label: "Decisions" },
  { segment: "records", label: "Records" },
  { segment: "audit", label: "Audit log", short: "Audit" },
  { segment: "members", label: "Members" },
  { segment: "settings", label: "Settings" },
];

/** `showSettings`: owners and leads; each settings page checks again on the server. */
export function ProjectTabs({
  projectId,
  showSettings = false,
}: {
  projectId: string;
  showSettings?: boolean;
}) {
  const pathname = usePathname();
  const base = `/projects/${projectId}`;
  const navRef = useRef<HTMLElement>(null);

  useEffect(() => {
    // On narrow screens the tabs scroll sideways: keep the current one in view (horizontally only).
    const nav = navRef.current;
    const current = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (nav && current && nav.scrollWidth > nav.clientWidth) {
      nav.scrollLeft = current.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2;
    }
  }, [pathname]);

  return (
    <nav
      ref={navRef}
      aria-label="Project sections"
      className="relative sm:overflow-x-auto sm:[scrollbar-width:none] sm:[&::-webkit-scrollbar]:hidden"
    >
      {/* Phones wrap the tabs rather than hide one in a sideways scroll (a hidden "Members" was missed). */}
      <ul className="flex flex-wrap gap-x-1 border-b border-line sm:min-w-max sm:flex-nowrap">
        {TABS.filter((tab) => showSettings || tab.segment !== "settings").map((tab) => {
          const href = tab.segment ? `${base}/${tab.segment}` : base;
          const current = tab.segment
            ? pathname === href || pathname.startsWith(`${href}/`)
            : pathname === base;
          return (
            <li key={tab.label}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={
                  "relative -mb-px inline-flex h-11 items-center border-b-2 px-2 text-sm font-medium transition-colors sm:px-3 " +
                  (current
                    ? "border-accent text-fg"
                    : "border-transparent text-fg-muted hover:border-line-strong hover:text-fg")
                }
              >
                {tab.short ? (
                  <>
                    <span className="sm:hidden">{tab.short}</span>
                    <span className="hidden sm:inline">{tab.label}</span>
                  </>
                ) : (
                  tab.label
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
