// A record's MADR status as a badge: proposed, accepted, rejected, deprecated, superseded by ADR-NNNN.
import { Badge } from "@/components/badge";

type Tone = "proposed" | "accepted" | "rejected" | "deprecated" | "superseded";

const TONE: Record<Tone, string> = {
  proposed:
    "bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-500/15 dark:text-amber-300 dark:ring-amber-400/25",
  accepted:
    "bg-emerald-50 text-emerald-800 ring-emerald-600/25 dark:bg-emerald-500/15 dark:text-emerald-300 dark:ring-emerald-400/25",
  rejected:
    "bg-rose-50 text-rose-800 ring-rose-600/25 dark:bg-rose-500/15 dark:text-rose-300 dark:ring-rose-400/25",
  deprecated:
    "bg-zinc-100 text-zinc-700 ring-zinc-500/25 dark:bg-zinc-500/15 dark:text-zinc-300 dark:ring-zinc-400/25",
  superseded:
    "bg-violet-50 text-violet-800 ring-violet-600/20 dark:bg-violet-500/15 dark:text-violet-300 dark:ring-violet-400/25",
};

const DOT: Record<Tone, string> = {
  proposed: "bg-amber-500",
  accepted: "bg-emerald-500",
  rejected: "bg-rose-500",
  deprecated: "bg-zinc-400",
  superseded: "bg-violet-500",
};

export function recordTone(status: string): Tone {
  if (status.startsWith("superseded")) return "superseded";
  return (
    (["proposed", "accepted", "rejected", "deprecated"] as const).find((s) => s === status) ?? "deprecated"
  );
}

/** "superseded by ADR-0007" → "Superseded by ADR-0007". */
export function statusLabel(status: string): string {
  return status.charAt(0).toUpperCase() + status.slice(1);
}

export function RecordStatusBadge({ status }: { status: string }) {
  const tone = recordTone(status);
  return (
    <Badge className={`gap-1.5 ${TONE[tone]}`}>
      <span aria-hidden="true" className={`size-1.5 rounded-full ${DOT[tone]}`} />
      <span className="sr-only">Record status: </span>
      {statusLabel(status)}
    </Badge>
  );
}
