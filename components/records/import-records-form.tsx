"use client";
// Uploads a zip of existing records (adr-tools, MADR, a Verdict export) to the import API and shows
// what was imported, or every broken file by name and line.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/alert";
import { buttonClasses } from "@/components/button";
import { controlClasses } from "@/components/field";
import type { MadrParseError } from "@/lib/domain/madr-parse";

type Outcome =
  | { kind: "idle" }
  | { kind: "imported"; keys: string[]; skipped: string[] }
  | { kind: "refused"; message: string; errors: MadrParseError[] };

export function ImportRecordsForm({ endpoint }: { endpoint: string }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });

  async function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setOutcome({ kind: "refused", message: "Choose a .zip file first.", errors: [] });
      return;
    }
    setBusy(true);
    try {
      const form = new FormData();
      form.set("file", file);
      const response = await fetch(endpoint, { method: "POST", body: form });
      const body = (await response.json().catch(() => null)) as {
        imported?: { key: string }[];
        skipped?: string[];
        error?: { message: string; details?: { errors?: MadrParseError[] } };
      } | null;
      if (response.ok && body?.imported) {
        setOutcome({ kind: "imported", keys: body.imported.map((r) => r.key), skipped: body.skipped ?? [] });
        if (input.current) input.current.value = "";
        router.refresh();
      } else {
        setOutcome({
          kind: "refused",
          message: body?.error?.message ?? `The import failed (HTTP ${response.status}). Try again.`,
          errors: body?.error?.details?.errors ?? [],
        });
      }
    } catch {
      setOutcome({
        kind: "refused",
        message: "The upload did not reach the server. Check your connection and try again.",
        errors: [],
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={upload} className="space-y-3">
      <div className="space-y-1.5">
        <label htmlFor="records-zip" className="block text-sm font-medium text-fg">
          Zip of record files
        </label>
        <input
          ref={input}
          id="records-zip"
          name="file"
          type="file"
          accept=".zip,application/zip"
          className={`${controlClasses} py-1.5 file:mr-3 file:rounded-md file:border-0 file:bg-surface-muted file:px-3 file:py-1 file:text-sm file:font-medium file:text-fg`}
        />
        <p className="text-xs text-fg-subtle">
          Files named NNNN-title.md (MADR or adr-tools). They keep their numbers and statuses; nothing is
          imported if any file has a problem.
        </p>
      </div>
      <button
        type="submit"
        disabled={busy}
        aria-disabled={busy}
        className={buttonClasses({ variant: "secondary" })}
      >
        {busy ? "Importing…" : "Import records"}
      </button>
      {outcome.kind === "imported" ? (
        <Alert
          tone="success"
          title={`Imported ${outcome.keys.length} ${outcome.keys.length === 1 ? "record" : "records"}`}
        >
          {outcome.keys.join(", ")}
          {outcome.skipped.length > 0
            ? ` · skipped ${outcome.skipped.length} other file(s): ${outcome.skipped.join(", ")}`
            : ""}
        </Alert>
      ) : null}
      {outcome.kind === "refused" ? (
        <Alert title="The import was refused">
          <p>{outcome.message}</p>
          {outcome.errors.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {outcome.errors.map((error, index) => (
                <li key={index}>
                  <span className="font-mono text-xs">
                    {error.file}:{error.line}
                  </span>{" "}
                  {error.message}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
    </form>
  );
}
