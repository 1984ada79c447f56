import { Badge } from "@/components/badge";
import type { ResultFlag } from "@/lib/domain/aggregation";
import type { DecisionStatus } from "@/lib/schemas/responses";
import { FLAG_LABEL, FLAG_TONE, STATUS_LABEL } from "./format";

const statusTone: Record<DecisionStatus, string> = {
  DRAFT: "bg-zinc-100 text-zinc-700 ring-zinc-500/25 dark:bg-zinc-500/15 dark:text-zinc-300 dark:ring-zinc-400/25",
  OPEN: "bg-emerald-50 text-emerald-800 ring-emerald-600/25 dark:bg-emerald-500/15 dark:text-emerald-300 dark:ring-emerald-400/25",
  CLOSED: "bg-indigo-50 text-indigo-800 ring-indigo-600/20 dark:bg-indigo-500/15 dark:text-indigo-300 dark:ring-indigo-400/25",
};

const dotTone: Record<DecisionStatus, string> = {
  DRAFT: "bg-zinc-400",
  OPEN: "bg-emerald-500",
  CLOSED: "bg-indigo-500",
};

export function StatusBadge({ status }: { status: DecisionStatus }) {
  return (
    <Badge className={`gap-1.5 uppercase tracking-wide ${statusTone[status]}`}>
      <span aria-hidden="true" className={`size-1.5 rounded-full ${dotTone[status]}`} />
      <span className="sr-only">Status: </span>
      {STATUS_LABEL[status]}
    </Badge>
  );
}

export function FlagBadge({ flag }: { flag: ResultFlag }) {
  return <Badge className={FLAG_TONE[flag]}>{FLAG_LABEL[flag]}</Badge>;
}
