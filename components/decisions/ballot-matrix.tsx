"use client";
// The ballot: options × criteria, scored from the keyboard alone. Arrow keys move between cells, digits
// score, `a`/`-` abstain, Backspace clears, `r` opens the cell's rationale, Enter goes to the next cell
// (and from the last one to Submit). Every change is kept as a draft on the server (debounced); Submit
// sends the whole ballot, which the server stores idempotently. Wide screens get a table, phones get one
// card per option with its criteria stacked. The pieces live in ./ballot/.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { Alert } from "@/components/alert";
import { controlClasses } from "@/components/field";
import { PageSkipLink } from "@/components/page-skip-link";
import type { BallotInput } from "@/lib/schemas/decision";
import type { WeightMode } from "@/lib/schemas/responses";
import { importancesFromWeights } from "@/lib/domain/pairwise";
import { analysePairs } from "./decision-form/pairwise-editor";
import { ImportanceSection, type FixedImportances } from "./ballot/importance-section";
import { formatImportance } from "./format";
import { KeyHints } from "./ballot/key-hints";
import { NotePanel } from "./ballot/note-panel";
import { SaveStatus } from "./ballot/save-status";
import { ScoreCards } from "./ballot/score-cards";
import { ScoreTable } from "./ballot/score-table";
import { SubmitBar } from "./ballot/submit-bar";
import { useAutosave } from "./ballot/use-autosave";
import { useBallotState, type BallotCell, type BallotCriterion, type BallotOption, type BallotRules } from "./ballot/use-ballot-state";
import { useBallotSubmit } from "./ballot/use-ballot-submit";
import { useGridKeyboard, type Layout } from "./ballot/use-grid-keyboard";

export type { BallotCriterion, BallotOption, BallotRules, FixedImportances };

type Origin = "draft" | "ballot" | "empty";

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
  rules,
  fixedImportances,
}: {
  decisionId: string;
  options: BallotOption[];
  criteria: BallotCriterion[];
  scale: { min: number; max: number };
  weightMode: WeightMode;
  initial: BallotInput | null;
  /** Where `initial` comes from: an unsubmitted draft, the submitted ballot, or nothing yet. */
  origin: Origin;
  submitted: { revision: number; submittedAt: string } | null;
  decisionHref: string;
  rules: BallotRules;
  /** The importances as fixed when scoring started, when they can no longer change. */
  fixedImportances: FixedImportances | null;
}) {
  const router = useRouter();
  const uid = useId();
  const state = useBallotState({ options, criteria, weightMode, initial, rules, scale });
  const ballotJson = JSON.stringify(state.ballot);
  const autosave = useAutosave(`/api/v1/decisions/${decisionId}/ballot/draft`, JSON.stringify(state.draft));
  // The ballot as last submitted, to tell the voter when what they see is not what counts.
  const [submittedJson, setSubmittedJson] = useState(origin === "ballot" ? ballotJson : null);
  const [openNote, setOpenNote] = useState<{ key: string; layout: Layout } | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const submitRef = useRef<HTMLButtonElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const successRef = useRef<HTMLDivElement>(null);
  const grid = useGridKeyboard({ idPrefix: uid, size: { options: options.length, criteria: criteria.length }, afterLast: submitRef });

  const { submit, send } = useBallotSubmit({
    decisionId,
    onAccepted: () => {
      // The server dropped the draft with the submission: nothing is left to autosave.
      autosave.settle();
      setSubmittedJson(ballotJson);
      state.setInvalidCells(new Set());
      requestAnimationFrame(() => successRef.current?.focus());
      router.refresh();
    },
    onRefusedCells: state.setInvalidCells,
  });

  // Repeating a message must still be announced, so an identical one gets an invisible change.
  const announce = (message: string) => setAnnouncement((previous) => (previous === message ? `${message}\u00a0` : message));
  const toggleNote = (key: string, layout: Layout) => setOpenNote((current) => (current?.key === key ? null : { key, layout }));

  // Opening a rationale moves focus into it and scrolls the whole panel clear of the sticky top bar and
  // the sticky submit bar (the panel's scroll margins), so what is typed stays in sight.
  const openKey = openNote ? `${openNote.layout}:${openNote.key}` : null;
  useEffect(() => {
    const textarea = noteRef.current;
    if (!openKey || !textarea) return;
    textarea.focus({ preventScroll: true });
    textarea.closest("[data-note-panel]")?.scrollIntoView({ block: "nearest" });
  }, [openKey]);

  /** The first cell of whichever layout is showing (the table on wide screens, cards on phones). */
  function focusFirstCell() {
    const table = document.getElementById(grid.cellId("table", 0, 0));
    if (table && table.offsetParent !== null) table.focus();
    else grid.focusCell("cards", 0, 0);
  }

  function closeNote() {
    if (!openNote) return;
    const cell = state.cells.find((c) => c.key === openNote.key);
    setOpenNote(null);
    if (cell) grid.focusCell(openNote.layout, cell.oi, cell.ci);
  }

  const hasNote = (key: string) => Boolean(state.notes[key]?.trim());
  const needsRationale = new Set(state.needsRationale.map((cell) => cell.key));

  // The importance a column head shows: the number given, or the one derived from the comparisons.
  const derived = (() => {
    if (weightMode !== "VOTED" || state.importanceMode !== "pairwise" || fixedImportances) return null;
    const analysis = analysePairs(criteria.map((c) => ({ key: c.id, name: c.name })), state.pairValues);
    if (!analysis) return null;
    const values = importancesFromWeights(criteria.map((c) => analysis.weights[c.id] ?? 0));
    return new Map(criteria.map((c, i) => [c.id, values[i]!]));
  })();
  const fixedValue = new Map(fixedImportances?.importances.map((i) => [i.criterionId, i.value]) ?? []);
  const importanceLabel = (id: string) =>
    formatImportance(fixedImportances ? fixedValue.get(id) : (derived?.get(id) ?? state.importances[id] ?? 0));
  const openNoteKey = (layout: Layout) => (openNote?.layout === layout ? openNote.key : null);

  const cellProps = (layout: Layout) => (cell: BallotCell) => ({
    id: grid.cellId(layout, cell.oi, cell.ci),
    label: `Score for ${cell.option.name} on ${cell.criterion.name}`,
    value: state.valueOf(cell.key),
    scale,
    invalid: state.invalidCells.has(cell.key) || needsRationale.has(cell.key),
    hasNote: hasNote(cell.key),
    noteOpen: openNoteKey(layout) === cell.key,
    onChange: (value: number | null | undefined) => state.setCell(cell.key, value),
    onMove: (where: Parameters<typeof grid.move>[2]) => grid.move(layout, cell, where),
    onToggleNote: () => toggleNote(cell.key, layout),
    onAnnounce: announce,
  });

  const notePanel = (cell: BallotCell) => (
    <NotePanel
      textareaRef={noteRef}
      id={`${uid}-note`}
      option={cell.option.name}
      criterion={cell.criterion.name}
      value={state.notes[cell.key] ?? ""}
      score={state.valueOf(cell.key)}
      scale={scale}
      quickScores={scale.max - scale.min <= 20}
      onChange={(text) => state.setNote(cell.key, text)}
      onScore={(value) => state.setCell(cell.key, value)}
      onClose={closeNote}
    />
  );

  const importanceSection =
    weightMode === "VOTED" ? (
      <ImportanceSection
        idPrefix={uid}
        criteria={criteria}
        mode={state.importanceMode}
        onModeChange={state.setImportanceMode}
        importances={state.importances}
        onImportanceChange={state.setImportance}
        pairValues={state.pairValues}
        onPairValuesChange={state.setPairValues}
        fixed={fixedImportances}
      />
    ) : null;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void send(state.ballot);
      }}
      className="space-y-6"
      noValidate
    >
      <span className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </span>
      <PageSkipLink href={`#${uid}-scores`} onActivate={focusFirstCell}>
        Skip to ballot grid
      </PageSkipLink>

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

      {rules.weighingOnly ? importanceSection : null}

      {rules.weighingOnly ? (
        <Alert tone="info" title="Importances first">
          This vote asks how much each criterion matters before anyone scores. Submit your importances now; the score grid
          opens when a lead starts scoring, and your importances stay as you submitted them.
        </Alert>
      ) : (
      <section aria-labelledby={`${uid}-scores`} className="rounded-xl border border-line bg-surface shadow-xs">
        <div className="flex flex-wrap items-start justify-between gap-3 border-b border-line px-4 py-4 sm:px-5">
          <div className="min-w-0">
            <h3 id={`${uid}-scores`} className="text-base font-semibold text-fg">
              Your scores
            </h3>
            <p className="mt-1 text-sm text-fg-muted">
              <span className="sm:hidden">
                {scale.min} is worst, {scale.max} best.
              </span>
              <span className="hidden sm:inline">
                Score each option on each criterion from {scale.min} (worst) to {scale.max} (best). Nobody sees your scores
                until the vote closes.
              </span>
              {rules.rationaleAtExtremes ? ` A ${scale.min} or a ${scale.max} needs a rationale (press R in the cell).` : ""}
            </p>
          </div>
          <SaveStatus save={autosave.save} origin={origin} />
        </div>

        <KeyHints id={`${uid}-help`} scale={scale} />

        <ScoreTable
          options={options}
          criteria={criteria}
          cells={state.cells}
          importanceOf={weightMode === "VOTED" ? importanceLabel : null}
          openNoteKey={openNoteKey("table")}
          cellProps={cellProps("table")}
          notePanel={notePanel}
        />

        <ScoreCards
          options={options}
          cells={state.cells}
          valueOf={state.valueOf}
          hasNote={hasNote}
          openNoteKey={openNoteKey("cards")}
          cellProps={cellProps("cards")}
          notePanel={notePanel}
          onChange={state.setCell}
          onToggleNote={(key) => toggleNote(key, "cards")}
        />
      </section>
      )}

      {/* After the scores, so a phone's first screen shows a cell to score rather than only importances. */}
      {rules.weighingOnly ? null : importanceSection}

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
          value={state.comment}
          maxLength={5000}
          rows={3}
          onChange={(e) => state.setComment(e.target.value)}
          className={`${controlClasses} mt-3 py-2`}
        />
      </section>

      <SubmitBar
        submitRef={submitRef}
        submit={submit}
        counts={state.counts}
        dirtySinceSubmit={submittedJson !== null && submittedJson !== ballotJson}
        revising={submitted !== null}
        weighingOnly={rules.weighingOnly}
        needsRationale={state.needsRationale.map((cell) => `${cell.option.name} on ${cell.criterion.name}`)}
        decisionHref={decisionHref}
      />
    </form>
  );
}
