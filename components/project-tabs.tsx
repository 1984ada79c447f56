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
  { segment: "settings", label: "Settings" },
] as const;

/** `showSettings`: owners only; the settings pages check again on the server. */
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
      {/* Phones wrap the tabs onto two rows: a hidden sideways scroll left "Members" out of sight. */}
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
