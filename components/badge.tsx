// Role badges and the words for each role, as PRODUCT.md's permission table describes them.
import type { ReactNode } from "react";
import type { RoleName } from "@/lib/schemas/project";
import { ROLE_LABEL } from "./labels";

export const ROLES: readonly RoleName[] = ["OWNER", "LEAD", "MEMBER", "AUDITOR"];

export { ROLE_LABEL };

export const ROLE_SUMMARY: Record<RoleName, string> = {
  OWNER: "Manages members and roles, and can do everything a lead can.",
  LEAD: "Sets up decisions, opens and closes votes, edits and accepts records.",
  MEMBER: "Votes on open decisions and reads results and records.",
  AUDITOR: "Reads everything, including the full history and every ballot after close. Never votes.",
};

const roleTone: Record<RoleName, string> = {
  OWNER:
    "bg-violet-50 text-violet-700 ring-violet-600/20 dark:bg-violet-500/15 dark:text-violet-300 dark:ring-violet-400/25",
  LEAD: "bg-sky-50 text-sky-700 ring-sky-600/20 dark:bg-sky-500/15 dark:text-sky-300 dark:ring-sky-400/25",
  MEMBER:
    "bg-emerald-50 text-emerald-700 ring-emerald-600/20 dark:bg-emerald-500/15 dark:text-emerald-300 dark:ring-emerald-400/25",
  AUDITOR:
    "bg-amber-50 text-amber-800 ring-amber-600/25 dark:bg-amber-500/15 dark:text-amber-300 dark:ring-amber-400/25",
};

export function Badge({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <span
      className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}
    >
      {children}
    </span>
  );
}

export function RoleBadge({ role, prefix }: { role: RoleName; prefix?: string }) {
  return (
    <Badge className={roleTone[role]}>
      {prefix ? <span className="mr-1 font-normal">{prefix}</span> : null}
      {ROLE_LABEL[role]}
    </Badge>
  );
}

export function MutedBadge({ children }: { children: ReactNode }) {
  return <Badge className="bg-surface-muted text-fg-muted ring-line-strong">{children}</Badge>;
}
