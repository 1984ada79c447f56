// A delivery's state and an attempt's HTTP answer, as badges that read the same in light and dark.
import { Badge } from "../badge";

const STATUS_TONE: Record<string, string> = {
  succeeded:
    "bg-emerald-50 text-emerald-700 ring-emerald-600/20 dark:bg-emerald-500/15 dark:text-emerald-300 dark:ring-emerald-400/25",
  failed: "bg-red-50 text-red-700 ring-red-600/20 dark:bg-red-500/15 dark:text-red-300 dark:ring-red-400/25",
  pending:
    "bg-amber-50 text-amber-800 ring-amber-600/25 dark:bg-amber-500/15 dark:text-amber-300 dark:ring-amber-400/25",
  delivering:
    "bg-sky-50 text-sky-700 ring-sky-600/20 dark:bg-sky-500/15 dark:text-sky-300 dark:ring-sky-400/25",
};

const STATUS_LABEL: Record<string, string> = {
  succeeded: "Delivered",
  failed: "Failed",
  pending: "Waiting to retry",
  delivering: "Sending",
};

export function DeliveryStatusBadge({ status, attempts }: { status: string; attempts: number }) {
  const label = status === "pending" && attempts === 0 ? "Queued" : (STATUS_LABEL[status] ?? status);
  return <Badge className={STATUS_TONE[status] ?? STATUS_TONE.pending}>{label}</Badge>;
}

export function HttpStatusBadge({ code }: { code: number | null }) {
  if (code === null) return <Badge className={STATUS_TONE.failed}>No answer</Badge>;
  const tone = code >= 200 && code < 300 ? STATUS_TONE.succeeded : STATUS_TONE.failed;
  return <Badge className={tone}>HTTP {code}</Badge>;
}
