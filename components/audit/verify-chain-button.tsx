"use client";
// Runs the chain check on the server (GET …/audit/verify) and says plainly whether the history is
// intact, or where it breaks. The outcome is announced to screen readers as it arrives. A checkpoint
// file saved earlier (npm run audit:checkpoint) can be chosen so the chain is held to that head too.
import Link from "next/link";
import { useState, type ChangeEvent, type ReactNode } from "react";
import { buttonClasses } from "../button";
import { Spinner } from "../spinner";
import type { AuditVerification } from "@/lib/schemas/responses";
import { auditEventHref } from "./format";

type State =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "done"; result: AuditVerification; checkedAt: Date }
  | { kind: "failed"; message: string };

type Checkpoint = { seq: number; hash: string; name: string };

/** The seq and hash of a checkpoint file, or why it cannot be one; the server checks them again. */
function readCheckpoint(text: string, projectId: string): Omit<Checkpoint, "name"> | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return "This file is not JSON; choose the file npm run audit:checkpoint wrote.";
  }
  const { projectId: forProject, seq, hash } = (parsed ?? {}) as Record<string, unknown>;
  if (typeof seq !== "number" || typeof hash !== "string")
    return "This file has no seq and hash of a checkpoint.";
  if (forProject !== projectId) return "This checkpoint is for another project.";
  return { seq, hash };
}

const Hash = ({ children }: { children: string }) => (
  <code className="font-mono text-xs break-all">
    {children === "" ? "(empty: the chain's start)" : children}
  </code>
);

function Outcome({
  projectId,
  result,
  checkedAt,
}: {
  projectId: string;
  result: AuditVerification;
  checkedAt: Date;
}) {
  const when = checkedAt.toLocaleTimeString();
  if (result.status === "intact") {
    return (
      <div className="rounded-lg border border-emerald-500/30 bg-success-soft px-3.5 py-3 text-sm text-success-text">
        <p className="font-semibold">
          Intact — {result.count.toLocaleString()} {result.count === 1 ? "event" : "events"}, head hash{" "}
          <Hash>{result.headHash}</Hash>
        </p>
        <p className="mt-1 text-xs">
          Every hash was recomputed from the event’s content and the hash before it, and the last one matches
          the project’s recorded head.{" "}
          {result.anchorsChecked > 0
            ? `All ${result.anchorsChecked} head(s) kept outside the log (records at close, your checkpoint) are in it. `
            : null}
          Checked at {when}.
        </p>
      </div>
    );
  }
  return (
    <div className="rounded-lg border border-danger/30 bg-danger-soft px-3.5 py-3 text-sm text-danger-text">
      <p className="font-semibold">
        Broken at event #{result.firstBadSeq}: expected <Hash>{result.expected ?? "?"}</Hash> found{" "}
        <Hash>{result.found ?? "?"}</Hash>
      </p>
      <p className="mt-1">
        {result.reason ? `Reason: ${result.reason}. ` : null}
        {result.count.toLocaleString()} {result.count === 1 ? "event" : "events"} before it check out. The
        history was changed outside Verdict: keep the exports you have and tell whoever runs the database.
      </p>
      {result.firstBadSeq !== undefined ? (
        <p className="mt-2">
          <Link
            href={auditEventHref(projectId, result.firstBadSeq)}
            className="font-medium underline underline-offset-4"
          >
            Open event #{result.firstBadSeq}
          </Link>
        </p>
      ) : null}
      <p className="mt-1 text-xs">Checked at {when}.</p>
    </div>
  );
}

/** `children` (e.g. download links) sit beside the button; the outcome appears below the row. */
export function VerifyChainButton({ projectId, children }: { projectId: string; children?: ReactNode }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const [checkpoint, setCheckpoint] = useState<Checkpoint | null>(null);
  const running = state.kind === "running";

  async function chooseCheckpoint(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) {
      setCheckpoint(null);
      return;
    }
    const read = readCheckpoint(await file.text(), projectId);
    if (typeof read === "string") {
      setCheckpoint(null);
      setState({ kind: "failed", message: read });
      event.target.value = "";
      return;
    }
    setCheckpoint({ ...read, name: file.name });
  }

  async function verify() {
    setState({ kind: "running" });
    const query = checkpoint
      ? `?${new URLSearchParams({ checkpointSeq: String(checkpoint.seq), checkpointHash: checkpoint.hash })}`
      : "";
    try {
      const response = await fetch(`/api/v1/projects/${encodeURIComponent(projectId)}/audit/verify${query}`, {
        headers: { accept: "application/json" },
        cache: "no-store",
      });
      const body = (await response.json().catch(() => null)) as
        (AuditVerification & { error?: { message?: string } }) | null;
      if (!response.ok || !body) {
        setState({
          kind: "failed",
          message: body?.error?.message ?? `The check could not run (HTTP ${response.status}). Try again.`,
        });
        return;
      }
      setState({ kind: "done", result: body, checkedAt: new Date() });
    } catch {
      setState({
        kind: "failed",
        message: "Could not reach the server. Check your connection and try again.",
      });
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={verify}
          disabled={running}
          aria-disabled={running}
          className={buttonClasses({ variant: "primary" })}
        >
          {running ? <Spinner /> : null}
          {running ? "Verifying…" : state.kind === "idle" ? "Verify chain" : "Verify again"}
        </button>
        {children}
      </div>
      <label className="flex flex-wrap items-center gap-2 text-sm text-fg-muted">
        <span>Checkpoint file (optional):</span>
        <input
          type="file"
          accept="application/json,.json"
          onChange={chooseCheckpoint}
          disabled={running}
          className="text-xs"
        />
        {checkpoint ? (
          <span className="text-xs">
            verifying will also require event #{checkpoint.seq} from {checkpoint.name}
          </span>
        ) : null}
      </label>
      <div aria-live="polite" aria-atomic="true">
        {running ? (
          <p className="text-sm text-fg-muted">
            Recomputing every hash in order. Long histories take a few seconds.
          </p>
        ) : null}
        {state.kind === "done" ? (
          <Outcome projectId={projectId} result={state.result} checkedAt={state.checkedAt} />
        ) : null}
        {state.kind === "failed" ? (
          <p
            role="alert"
            className="rounded-lg border border-danger/30 bg-danger-soft px-3.5 py-3 text-sm text-danger-text"
          >
            {state.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
