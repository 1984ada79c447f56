"use client";
// The sections of a project's settings, as links marked with aria-current.
import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { segment: "git", label: "Git repository" },
  { segment: "webhooks", label: "Webhooks" },
] as const;

export function SettingsTabs({ base }: { base: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings sections">
      <ul className="inline-flex gap-1 rounded-lg bg-surface-muted p-1">
        {SECTIONS.map((section) => {
          const href = `${base}/${section.segment}`;
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={section.segment}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`inline-flex h-8 items-center rounded-md px-3 text-sm font-medium transition-colors ${
                  current ? "bg-surface text-fg shadow-xs" : "text-fg-muted hover:text-fg"
                }`}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
