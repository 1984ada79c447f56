"use client";
// The ballot: options × criteria, scored from the keyboard alone. Arrow keys move between cells, digits
// score, `a`/`-` abstain, Backspace clears, `r` opens the cell's rationale, Enter goes to the next cell
// (and from the last one to Submit). Every change is kept as a draft on the server (debounced); Submit
// sends the whole ballot, which the server stores idempotently. Wide screens get a table, phones get one
// card per option with its criteria stacked.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Fragment, useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/alert";
import { buttonClasses } from "@/components/button";
import { controlClasses } from "@/components/field";
import { CheckIcon } from "@/components/icons";
import type { WeightMode } from "@/lib/schemas/responses";
import { displayValue, percent } from "./format";
import { ScoreCell, type CellValue, type Move } from "./score-cell";
import { Spinner } from "./spinner";

export interface BallotOption {
  id: string;
  name: string;
  description: string;
}

export interface BallotCriterion {
  id: string;
  name: string;
  description: string;
  /** The criterion's share of the weight in FIXED mode; null in VOTED mode. */
  weightShare: number | null;
}

export interface BallotContent {
  scores: { optionId: string; criterionId: string; value: number | null; rationale?: string }[];
  importances?: { criterionId: string; value: number }[];
  comment?: string;
}

type Layout = "table" | "cards";
type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Date } | { kind: "error"; message: string };
type SubmitState =
  | { kind: "idle" }
  | { kind: "submitting" }
  | { kind: "success"; revision: number }
  | { kind: "error"; message: string; signIn?: boolean };

const AUTOSAVE_MS = 800;
const DEFAULT_IMPORTANCE = 5;
const cellKey = (optionId: string, criterionId: string) => `${optionId}|${criterionId}`;

async function errorMessage(response: Response, fallback: string) {
  const body = (await response.json().catch(() => null)) as {
    error?: { message?: string; details?: { issues?: { path: string; message: string }[] } };
  } | null;
  return { message: body?.error?.message ?? `${fallback} (HTTP ${response.status}).`, issues: body?.error?.details?.issues ?? [] };
}

export function BallotMatrix({
  decisionId,
  options,
  criteria,
  scale,
  weightMode,
  initial,
  origin,
  submitted,
  decisionHref,
}: {
  decisionId: string;
  options: BallotOption[];
  criteria: BallotCriterion[];
  scale: { min: number; max: number };
  weightMode: WeightMode;
  initial: BallotContent | null;
  /** Where `initial` comes from: an unsubmitted draft, the submitted ballot, or nothing yet. */
  origin: "draft" | "ballot" | "empty";
  submitted: { revision: number; submittedAt: string } | null;
  decisionHref: string;
}) {
  const router = useRouter();
  const uid = useId();
  const helpId = `${uid}-help`;
  const known = useMemo(() => {
    const set = new Set<string>();
    for (const o of options) for (const c of criteria) set.add(cellKey(o.id, c.id));
    return set;
  }, [options, criteria]);

  const [values, setValues] = useState<Record<string, number | null>>(() =>
    Object.fromEntries((initial?.scores ?? []).filter((s) => known.has(cellKey(s.optionId, s.criterionId))).map((s) => [cellKey(s.optionId, s.criterionId), s.value])),
  );
  const [notes, setNotes] = useState<Record<string, string>>(() =>
    Object.fromEntries((initial?.scores ?? []).filter((s) => s.rationale).map((s) => [cellKey(s.optionId, s.criterionId), s.rationale ?? ""])),
  );
  const [importances, setImportances] = useState<Record<string, number>>(() =>
    Object.fromEntries(criteria.map((c) => [c.id, initial?.importances?.find((i) => i.criterionId === c.id)?.value ?? DEFAULT_IMPORTANCE])),
  );
  const [comment, setComment] = useState(initial?.comment ?? "");
  const [openNote, setOpenNote] = useState<{ key: string; layout: Layout } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [submit, setSubmit] = useState<SubmitState>({ kind: "idle" });
  const [invalidCells, setInvalidCells] = useState<Set<string>>(new Set());

  const submitRef = useRef<HTMLButtonElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const successRef = useRef<HTMLDivElement>(null);

  const cells = useMemo(
    () => options.flatMap((o, oi) => criteria.map((c, ci) => ({ option: o, criterion: c, oi, ci, key: cellKey(o.id, c.id) }))),
    [options, criteria],
  );

  // What the server keeps as a draft: only cells touched so far (a blank cell is not an abstention yet).
  const draft = useMemo(
    () => ({
      scores: cells
        .filter((cell) => cell.key in values)
        .map((cell) => ({
          optionId: cell.option.id,
          criterionId: cell.criterion.id,
          value: values[cell.key] ?? null,
          ...(notes[cell.key]?.trim() ? { rationale: notes[cell.key] } : {}),
        })),
      ...(weightMode === "VOTED" ? { importances: criteria.map((c) => ({ criterionId: c.id, value: importances[c.id] ?? DEFAULT_IMPORTANCE })) } : {}),
      comment,
    }),
    [cells, values, notes, importances, comment, criteria, weightMode],
  );
  // What Submit sends: every cell, blanks as abstentions.
  const ballot = useMemo(
    () => ({
      ...draft,
      scores: cells.map((cell) => ({
        optionId: cell.option.id,
        criterionId: cell.criterion.id,
        value: values[cell.key] ?? null,
        ...(notes[cell.key]?.trim() ? { rationale: notes[cell.key] } : {}),
      })),
    }),
    [draft, cells, values, notes],
  );
  const draftJson = JSON.stringify(draft);
  const ballotJson = JSON.stringify(ballot);

  // --- Autosave -------------------------------------------------------------------------------------
  const savedJson = useRef(draftJson);
  const latestDraft = useRef(draftJson);
  const saveSeq = useRef(0);
  // The ballot as last submitted, to tell the voter when what they see is not what counts.
  const [submittedJson, setSubmittedJson] = useState(origin === "ballot" ? ballotJson : null);
  useEffect(() => {
    latestDraft.current = draftJson;
    if (draftJson === savedJson.current) return;
    const timer = setTimeout(async () => {
      const seq = ++saveSeq.current;
      setSave({ kind: "saving" });
      try {
        const response = await fetch(`/api/v1/decisions/${decisionId}/ballot/draft`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: draftJson,
        });
        if (seq !== saveSeq.current) return;
        if (response.ok) {
          savedJson.current = draftJson;
          setSave({ kind: "saved", at: new Date() });
        } else {
          setSave({ kind: "error", message: (await errorMessage(response, "The draft was not saved")).message });
        }
      } catch {
        if (seq === saveSeq.current) setSave({ kind: "error", message: "No connection: the draft was not saved. It will be retried on your next change." });
      }
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [draftJson, decisionId]);

  // Leaving the page (tab closed or a link followed) must not lose the last keystrokes.
  useEffect(() => {
    const flush = () => {
      if (latestDraft.current === savedJson.current) return;
      savedJson.current = latestDraft.current;
      void fetch(`/api/v1/decisions/${decisionId}/ballot/draft`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: latestDraft.current,
        keepalive: true,
      }).catch(() => {});
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [decisionId]);

  // --- Editing --------------------------------------------------------------------------------------
  function setCell(key: string, value: CellValue) {
    setValues((current) => {
      const next = { ...current };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
    if (invalidCells.has(key)) {
      const next = new Set(invalidCells);
      next.delete(key);
      setInvalidCells(next);
    }
  }

  const announce = (message: string) => setAnnouncement((previous) => (previous === message ? `${message}\u00a0` : message));

  function toggleNote(key: string, layout: Layout) {
    setOpenNote((current) => (current?.key === key ? null : { key, layout }));
  }

  // Opening a rationale moves focus into it.
  const openKey = openNote ? `${openNote.layout}:${openNote.key}` : null;
  useEffect(() => {
    if (openKey) noteRef.current?.focus();
  }, [openKey]);

  function closeNote() {
    if (!openNote) return;
    const cell = cells.find((c) => c.key === openNote.key);
    setOpenNote(null);
    if (cell) focusCell(openNote.layout, cell.oi, cell.ci);
  }

  const cellId = (layout: Layout, oi: number, ci: number) => `${uid}-${layout}-${oi}-${ci}`;
  const focusCell = (layout: Layout, oi: number, ci: number) => document.getElementById(cellId(layout, oi, ci))?.focus();

  function move(layout: Layout, oi: number, ci: number, where: Move) {
    const O = options.length;
    const C = criteria.length;
    const linear = (delta: number): [number, number] | "end" | null => {
      const index = oi * C + ci + delta;
      if (index < 0) return null;
      if (index >= O * C) return "end";
      return [Math.floor(index / C), index % C];
    };
    let target: [number, number] | "end" | null = null;
    if (where === "next") target = linear(1);
    else if (where === "previous") target = linear(-1);
    else if (where === "rowStart") target = [oi, 0];
    else if (where === "rowEnd") target = [oi, C - 1];
    else if (layout === "table") {
      if (where === "left") target = ci > 0 ? [oi, ci - 1] : null;
      if (where === "right") target = ci < C - 1 ? [oi, ci + 1] : null;
      if (where === "up") target = oi > 0 ? [oi - 1, ci] : null;
      if (where === "down") target = oi < O - 1 ? [oi + 1, ci] : null;
    } else {
      // Cards stack an option's criteria: up and down walk the stack, left and right switch option.
      if (where === "up") target = linear(-1);
      if (where === "down") target = linear(1) === "end" ? null : linear(1);
      if (where === "left") target = oi > 0 ? [oi - 1, ci] : null;
      if (where === "right") target = oi < O - 1 ? [oi + 1, ci] : null;
    }
    if (target === "end") submitRef.current?.focus();
    else if (target) focusCell(layout, target[0], target[1]);
  }

  // --- Submitting -----------------------------------------------------------------------------------
  async function submitBallot(event: React.FormEvent) {
    event.preventDefault();
    if (submit.kind === "submitting") return;
    setSubmit({ kind: "submitting" });
    try {
      const response = await fetch(`/api/v1/decisions/${decisionId}/ballot`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: ballotJson,
      });
      if (response.ok) {
        const stored = (await response.json()) as { revision: number };
        // The server dropped the draft with the submission: nothing is left to autosave.
        saveSeq.current++;
        savedJson.current = latestDraft.current;
        setSubmittedJson(ballotJson);
        setSave({ kind: "idle" });
        setInvalidCells(new Set());
        setSubmit({ kind: "success", revision: stored.revision });
        requestAnimationFrame(() => successRef.current?.focus());
        router.refresh();
        return;
      }
      const { message, issues } = await errorMessage(response, "The ballot was not submitted");
      const bad = new Set<string>();
      for (const issue of issues) {
        const match = /^scores\.(\d+)/.exec(issue.path);
        const cell = match ? ballot.scores[Number(match[1])] : undefined;
        if (cell) bad.add(cellKey(cell.optionId, cell.criterionId));
      }
      setInvalidCells(bad);
      setSubmit({ kind: "error", message, signIn: response.status === 401 });
    } catch {
      setSubmit({ kind: "error", message: "No connection to the server. Your ballot was not submitted; try again in a moment." });
    }
  }

  const scored = cells.filter((c) => typeof values[c.key] === "number").length;
  const abstained = cells.filter((c) => values[c.key] === null).length;
  const blank = cells.length - scored - abstained;
  const dirtySinceSubmit = submittedJson !== null && submittedJson !== ballotJson;
  const range = scale.max - scale.min;

  const cellProps = (layout: Layout, cell: (typeof cells)[number]) => ({
    id: cellId(layout, cell.oi, cell.ci),
    label: `Score for ${cell.option.name} on ${cell.criterion.name}`,
    value: cell.key in values ? values[cell.key] : undefined,
    scale,
    invalid: invalidCells.has(cell.key),
    hasNote: Boolean(notes[cell.key]?.trim()),
    noteOpen: openNote?.key === cell.key && openNote.layout === layout,
    onChange: (value: CellValue) => setCell(cell.key, value),
    onMove: (where: Move) => move(layout, cell.oi, cell.ci, where),
    onToggleNote: () => toggleNote(cell.key, layout),
    onAnnounce: announce,
  });

  const notePanel = (cell: (typeof cells)[number]) => (
    <NotePanel
      textareaRef={noteRef}
      id={`${uid}-note`}
      option={cell.option.name}
      criterion={cell.criterion.name}
      value={notes[cell.key] ?? ""}
      score={cell.key in values ? values[cell.key] : undefined}
      scale={scale}
      quickScores={range <= 20}
      onChange={(text) => setNotes((current) => ({ ...current, [cell.key]: text }))}
      onScore={(value) => setCell(cell.key, value)}
      onClose={closeNote}
    />
  );

  return (
    <form onSubmit={submitBallot} className="space-y-6" noValidate>
      <span className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </span>

      {submit.kind === "success" ? (
        <div ref={successRef} tabIndex={-1} className="focus:outline-none">
          <Alert tone="success" title={submit.revision > 1 ? `Ballot revised (revision ${submit.revision})` : "Ballot submitted"}>
            It counts now. You can change it and submit again until the vote closes.{" "}
            <Link href={decisionHref} className="font-medium underline underline-offset-2">
              Back to the decision
            </Link>
          </Alert>
        </div>
      ) : origin === "draft" ? (
        <Alert tone="info" title="Picked up where you left off">
          This is your saved draft. It does not count until you submit it
          {submitted ? ` — your submitted ballot (revision ${submitted.revision}) counts until then.` : "."}
        </Alert>
      ) : origin === "ballot" && submitted ? (
        <Alert tone="info" title={`Your submitted ballot (revision ${submitted.revision})`}>
          Change any cell and submit again to revise it while the vote is open.
        </Alert>
      ) : null}

      {weightMode === "VOTED" ? (
        <section aria-labelledby={`${uid}-importance`} className="rounded-xl border border-line bg-surface p-4 shadow-xs sm:p-5">
          <h3 id={`${uid}-importance`} className="text-base font-semibold text-fg">
            How much does each criterion matter?
          </h3>
          <p className="mt-1 text-sm text-fg-muted">
            0 means “ignore it”, 10 “it matters most”. Only the proportions count: the decision&apos;s weights are the average
            of everyone&apos;s.
          </p>
          <div className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {criteria.map((criterion) => {
              const id = `${uid}-importance-${criterion.id}`;
              return (
                <div key={criterion.id} className="flex items-center justify-between gap-3 rounded-lg border border-line px-3 py-2">
                  <label htmlFor={id} className="min-w-0 text-sm font-medium break-words text-fg">
                    <span className="sr-only">Importance of </span>
                    {criterion.name}
                  </label>
                  <div className="w-20 shrink-0">
                    <select
                      id={id}
                      value={importances[criterion.id] ?? DEFAULT_IMPORTANCE}
                      onChange={(e) => setImportances((current) => ({ ...current, [criterion.id]: Number(e.target.value) }))}
                      className={`${controlClasses} h-9 pr-7 tabular-nums`}
                    >
                      {Array.from({ length: 11 }, (_, value) => (
                        <option key={value} value={value}>
                          {value}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
              );
            })}
          </div>
        </section>
      ) : null}

      <section aria-labelledby={`${uid}-scores`} className="rounded-xl border border-line bg-surface shadow-xs">
        <div className="flex flex-wrap items-start justify-between gap-3 border-b border-line px-4 py-4 sm:px-5">
          <div className="min-w-0">
            <h3 id={`${uid}-scores`} className="text-base font-semibold text-fg">
              Your scores
            </h3>
            <p className="mt-1 text-sm text-fg-muted">
              Score each option on each criterion from {scale.min} (worst) to {scale.max} (best). Nobody sees your scores until
              the vote closes.
            </p>
          </div>
          <SaveStatus save={save} origin={origin} />
        </div>

        <p id={helpId} className="hidden flex-wrap gap-x-4 gap-y-1 border-b border-line bg-surface-muted/50 px-5 py-2.5 text-xs text-fg-muted sm:flex">
          <Hint keys={[`${scale.min}–${scale.max}`]}>score{range >= 10 ? " (type 1 then 0 for 10)" : ""}</Hint>
          <Hint keys={["←", "↑", "→", "↓"]}>move</Hint>
          <Hint keys={["A", "−"]}>abstain</Hint>
          <Hint keys={["⌫"]}>clear</Hint>
          <Hint keys={["R"]}>rationale</Hint>
          <Hint keys={["Enter"]}>next cell</Hint>
        </p>

        {/* Wide screens: one row per option, one column per criterion; scrolls sideways if it must. */}
        <div className="relative hidden overflow-x-auto sm:block">
          <table
            className="w-full table-fixed border-separate border-spacing-0 text-sm"
            // Equal criterion columns; below this width the table scrolls sideways, option names stay put.
            style={{ minWidth: `${10 + criteria.length * 5.5}rem` }}
          >
            <caption className="sr-only">
              Ballot matrix: options in rows, criteria in columns. Arrow keys move between cells, digits score, A or minus
              abstains, Backspace clears, R opens the rationale, Enter goes to the next cell.
            </caption>
            <thead>
              <tr>
                <th scope="col" className="sticky left-0 z-10 w-40 border-b border-line bg-surface px-4 py-3 text-left text-xs font-semibold text-fg-muted">
                  Option
                </th>
                {criteria.map((criterion) => (
                  <th
                    key={criterion.id}
                    scope="col"
                    title={criterion.description || undefined}
                    className="border-b border-line px-2 py-3 text-center align-bottom text-xs font-semibold text-fg last:pr-4"
                  >
                    <span className="line-clamp-3 break-words">{criterion.name}</span>
                    {criterion.weightShare !== null ? (
                      <span className="mt-0.5 block font-normal text-fg-subtle tabular-nums">{percent(criterion.weightShare, 0)}</span>
                    ) : weightMode === "VOTED" ? (
                      <span className="mt-0.5 block font-normal text-fg-subtle tabular-nums">importance {importances[criterion.id]}</span>
                    ) : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {options.map((option, oi) => {
                const rowCells = cells.filter((c) => c.oi === oi);
                const noteCell = openNote?.layout === "table" ? rowCells.find((c) => c.key === openNote.key) : undefined;
                return (
                  <Fragment key={option.id}>
                    <tr>
                      <th
                        scope="row"
                        title={option.description || undefined}
                        className="sticky left-0 z-10 border-b border-line bg-surface px-4 py-2 text-left font-medium break-words text-fg"
                      >
                        {option.name}
                      </th>
                      {rowCells.map((cell) => (
                        <td key={cell.key} className="border-b border-line px-1.5 py-2 last:pr-4">
                          <ScoreCell {...cellProps("table", cell)} className="mx-auto max-w-20" />
                        </td>
                      ))}
                    </tr>
                    {noteCell ? (
                      <tr>
                        <td colSpan={criteria.length + 1} className="border-b border-line bg-surface-muted/60 px-4 py-3">
                          {notePanel(noteCell)}
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>

        {/* Phones: one card per option, its criteria stacked. */}
        <div className="space-y-4 p-3 sm:hidden">
          {options.map((option, oi) => (
            <fieldset key={option.id} className="rounded-lg border border-line">
              <legend className="sr-only">{option.name}</legend>
              <div aria-hidden="true" className="rounded-t-lg border-b border-line bg-surface-muted/60 px-3 py-2 text-sm font-semibold text-fg">
                {option.name}
              </div>
              <ul className="divide-y divide-line">
                {cells
                  .filter((c) => c.oi === oi)
                  .map((cell) => {
                    const value = cell.key in values ? values[cell.key] : undefined;
                    const noteOpen = openNote?.key === cell.key && openNote.layout === "cards";
                    const hasNote = Boolean(notes[cell.key]?.trim());
                    return (
                      <li key={cell.key} className="px-3 py-2.5">
                        <div className="flex items-center gap-2">
                          <span className="min-w-0 flex-1 text-sm break-words text-fg">
                            {cell.criterion.name}
                            {cell.criterion.weightShare !== null ? (
                              <span className="ml-1 text-xs text-fg-subtle tabular-nums">{percent(cell.criterion.weightShare, 0)}</span>
                            ) : null}
                          </span>
                          <ScoreCell {...cellProps("cards", cell)} noteButton={false} className="w-16 shrink-0" />
                          <button
                            type="button"
                            aria-pressed={value === null}
                            aria-label={`Abstain: ${cell.option.name} on ${cell.criterion.name}`}
                            onClick={() => setCell(cell.key, value === null ? undefined : null)}
                            className={`h-10 shrink-0 rounded-md border px-2 text-xs font-medium ${
                              value === null ? "border-accent bg-accent-soft text-accent-text" : "border-line-strong text-fg-muted"
                            }`}
                          >
                            Abstain
                          </button>
                          <button
                            type="button"
                            aria-expanded={noteOpen}
                            aria-label={`Rationale: ${cell.option.name} on ${cell.criterion.name}`}
                            onClick={() => toggleNote(cell.key, "cards")}
                            className={`flex size-10 shrink-0 items-center justify-center rounded-md border ${
                              hasNote ? "border-accent bg-accent-soft text-accent-text" : "border-line-strong text-fg-muted"
                            }`}
                          >
                            <svg viewBox="0 0 16 16" className="size-4" fill="currentColor" aria-hidden="true">
                              <path d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3 3v-3h-.5A1.5 1.5 0 0 1 2 9.5v-6Z" />
                            </svg>
                          </button>
                        </div>
                        {noteOpen ? <div className="mt-3">{notePanel(cell)}</div> : null}
                      </li>
                    );
                  })}
              </ul>
            </fieldset>
          ))}
        </div>
      </section>

      <section aria-labelledby={`${uid}-comment-label`} className="rounded-xl border border-line bg-surface p-4 shadow-xs sm:p-5">
        <label id={`${uid}-comment-label`} htmlFor={`${uid}-comment`} className="block text-base font-semibold text-fg">
          Overall comment <span className="text-sm font-normal text-fg-subtle">(optional)</span>
        </label>
        <p id={`${uid}-comment-hint`} className="mt-1 text-sm text-fg-muted">
          Anything the scores do not say: a risk, a condition, a strong preference. It is shown with your ballot after the vote
          closes.
        </p>
        <textarea
          id={`${uid}-comment`}
          aria-describedby={`${uid}-comment-hint`}
          value={comment}
          maxLength={5000}
          rows={3}
          onChange={(e) => setComment(e.target.value)}
          className={`${controlClasses} mt-3 py-2`}
        />
      </section>

      <div className="sticky bottom-0 z-20 -mx-4 border-t border-line bg-canvas/90 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border sm:bg-surface/90 sm:px-5">
        {submit.kind === "error" ? (
          <Alert className="mb-3">
            {submit.message}{" "}
            {submit.signIn ? (
              <a href={`/signin?callbackUrl=${encodeURIComponent(typeof window === "undefined" ? decisionHref : window.location.pathname)}`} className="font-medium underline">
                Sign in again
              </a>
            ) : null}
          </Alert>
        ) : null}
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-fg-muted">
            <span className="font-medium text-fg tabular-nums">{scored}</span> scored ·{" "}
            <span className="tabular-nums">{abstained}</span> abstained · <span className="tabular-nums">{blank}</span> blank
            {blank > 0 ? <span className="block text-xs text-fg-subtle">Blank cells count as abstentions when you submit.</span> : null}
            {dirtySinceSubmit ? <span className="block text-xs text-warning-text">You have changes that are not submitted yet.</span> : null}
          </p>
          <button
            ref={submitRef}
            type="submit"
            disabled={submit.kind === "submitting" || scored + abstained === 0}
            aria-disabled={submit.kind === "submitting" || scored + abstained === 0}
            className={buttonClasses({ className: "w-full sm:w-auto" })}
          >
            {submit.kind === "submitting" ? <Spinner /> : <CheckIcon className="size-4" />}
            {submit.kind === "submitting" ? "Submitting…" : submitted || submit.kind === "success" ? "Submit revised ballot" : "Submit ballot"}
          </button>
        </div>
      </div>
    </form>
  );
}

function Hint({ keys, children }: { keys: string[]; children: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1">
      {keys.map((key) => (
        <kbd key={key} className="rounded border border-line-strong bg-surface px-1.5 py-px font-sans text-[11px] font-medium text-fg shadow-xs">
          {key}
        </kbd>
      ))}
      <span>{children}</span>
    </span>
  );
}

function SaveStatus({ save, origin }: { save: SaveState; origin: "draft" | "ballot" | "empty" }) {
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

function NotePanel({
  textareaRef,
  id,
  option,
  criterion,
  value,
  score,
  scale,
  quickScores,
  onChange,
  onScore,
  onClose,
}: {
  textareaRef: React.Ref<HTMLTextAreaElement>;
  id: string;
  option: string;
  criterion: string;
  value: string;
  score: CellValue;
  scale: { min: number; max: number };
  quickScores: boolean;
  onChange: (text: string) => void;
  onScore: (value: CellValue) => void;
  onClose: () => void;
}) {
  const pill = (active: boolean) =>
    `inline-flex h-8 min-w-8 items-center justify-center rounded-md border px-2 text-xs font-semibold tabular-nums transition-colors ${
      active ? "border-accent bg-accent text-accent-fg" : "border-line-strong bg-surface text-fg hover:bg-surface-muted"
    }`;
  return (
    <div className="space-y-3">
      {quickScores ? (
        <div role="group" aria-label={`Score for ${option} on ${criterion}`} className="flex flex-wrap items-center gap-1">
          {Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i).map((n) => (
            <button key={n} type="button" tabIndex={-1} aria-pressed={score === n} onClick={() => onScore(n)} className={pill(score === n)}>
              {n}
            </button>
          ))}
          <button type="button" tabIndex={-1} aria-pressed={score === null} onClick={() => onScore(null)} className={pill(score === null)}>
            Abstain
          </button>
          <span className="ml-1 text-xs text-fg-subtle">Current: {displayValue(score) || "blank"}</span>
        </div>
      ) : null}
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-fg">
          Rationale for {option} on {criterion}
        </label>
        <textarea
          ref={textareaRef}
          id={id}
          value={value}
          maxLength={2000}
          rows={2}
          placeholder="Why this score? Evidence, experience, a link…"
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.preventDefault();
              onClose();
            }
          }}
          className={`${controlClasses} mt-1.5 py-2`}
        />
      </div>
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs text-fg-subtle">
          <span className="hidden sm:inline">Esc returns to the matrix.</span>
        </span>
        <button type="button" onClick={onClose} className={buttonClasses({ variant: "secondary", size: "sm" })}>
          Done
        </button>
      </div>
    </div>
  );
}
