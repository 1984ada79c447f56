// The autosave badge beside "Your scores": saving, saved, why it failed, or what the draft is.
import type { ReactNode } from "react";
import { CheckIcon } from "@/components/icons";
import { Spinner } from "@/components/spinner";
import type { SaveState } from "./use-autosave";

export function SaveStatus({ save, origin }: { save: SaveState; origin: "draft" | "ballot" | "empty" }) {
  let content: ReactNode;
  if (save.kind === "saving")
    content = (
      <>
        <Spinner className="size-3.5" /> Saving…
      </>
    );
  else if (save.kind === "saved")
    content = (
      <>
        <CheckIcon className="size-3.5 text-success-text" /> Saved
        <span className="sr-only"> as a draft</span>
      </>
    );
  else if (save.kind === "error") content = <span className="text-danger-text">{save.message}</span>;
  else content = origin === "draft" ? "Draft restored" : "Drafts save as you go";
  return (
    <p role="status" className="inline-flex min-h-6 items-center gap-1.5 rounded-full bg-surface-muted px-2.5 py-0.5 text-xs font-medium text-fg-muted">
      {content}
    </p>
  );
}
