"use client";
// The project's section tabs. They are links (each section has its own URL), marked with aria-current.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

const TABS = [
  { segment: "", label: "Overview" },
  { segment: "decisions", label: "Decisions" },
  { segment: "records", label: "Records" },
  { segment: "audit", label: "Audit log" },
  { segment: "members", label: "Members" },
  // Settings open on their first page; any settings/* page keeps the tab current.
  { segment: "settings", label: "Settings", landing: "settings/git" },
] as const satisfies readonly { segment: string; label: string; landing?: string }[];

export function ProjectTabs({ projectId }: { projectId: string }) {
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
      {/* Phones wrap the tabs onto two rows: a hidden sideways scroll left "Members" out of sight. */}
      <ul className="flex flex-wrap gap-x-1 border-b border-line sm:min-w-max sm:flex-nowrap">
        {TABS.map((tab) => {
          const section = tab.segment ? `${base}/${tab.segment}` : base;
          const href = "landing" in tab ? `${base}/${tab.landing}` : section;
          const current = tab.segment
            ? pathname === section || pathname.startsWith(`${section}/`)
            : pathname === base;
          return (
            <li key={tab.label}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={
                  "relative -mb-px inline-flex h-11 items-center border-b-2 px-2.5 text-sm font-medium transition-colors sm:px-3 " +
                  (current
                    ? "border-accent text-fg"
                    : "border-transparent text-fg-muted hover:border-line-strong hover:text-fg")
                }
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
