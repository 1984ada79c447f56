// What the voter has entered on the ballot so far, and the two payloads made from it: the draft the
// server keeps while they work and the full ballot Submit sends.
import { useMemo, useState } from "react";
import { pairKey, pairsOf, type PairwiseValues } from "../decision-form/pairwise-editor";
import type { BallotInput } from "@/lib/schemas/decision";
import type { WeightMode } from "@/lib/schemas/responses";
import type { CellValue } from "../score-cell";

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

export interface BallotCell {
  option: BallotOption;
  criterion: BallotCriterion;
  /** Row (option) and column (criterion) positions, for moving between cells. */
  oi: number;
  ci: number;
  key: string;
}

export const DEFAULT_IMPORTANCE = 5;

/** How the voter gives importances in VOTED mode. */
export type ImportanceMode = "numbers" | "pairwise";

/** What the decision's rules ask of this ballot right now. */
export interface BallotRules {
  /** Importances-first phase: the ballot is importances only, no scores yet. */
  weighingOnly: boolean;
  /** The importances were fixed when scoring started: the ballot leaves them out and the server keeps them. */
  importancesFixed: boolean;
  /** Scores at the scale's min or max need a rationale. */
  rationaleAtExtremes: boolean;
}
export const cellKey = (optionId: string, criterionId: string) => `${optionId}|${criterionId}`;

export function useBallotState({
  options,
  criteria,
  weightMode,
  initial,
  rules,
  scale,
}: {
  options: BallotOption[];
  criteria: BallotCriterion[];
  weightMode: WeightMode;
  initial: BallotInput | null;
  rules: BallotRules;
  scale: { min: number; max: number };
}) {
  const cells = useMemo<BallotCell[]>(
    () => options.flatMap((o, oi) => criteria.map((c, ci) => ({ option: o, criterion: c, oi, ci, key: cellKey(o.id, c.id) }))),
    [options, criteria],
  );
  const [values, setValues] = useState<Record<string, number | null>>(() => {
    // A draft may name options or criteria removed since: those scores are dropped.
    const known = new Set(cells.map((cell) => cell.key));
    return Object.fromEntries(
      (initial?.scores ?? []).filter((s) => known.has(cellKey(s.optionId, s.criterionId))).map((s) => [cellKey(s.optionId, s.criterionId), s.value]),
    );
  });
  const [notes, setNotes] = useState<Record<string, string>>(() =>
    Object.fromEntries((initial?.scores ?? []).filter((s) => s.rationale).map((s) => [cellKey(s.optionId, s.criterionId), s.rationale ?? ""])),
  );
  const [importances, setImportances] = useState<Record<string, number>>(() =>
    Object.fromEntries(criteria.map((c) => [c.id, initial?.importances?.find((i) => i.criterionId === c.id)?.value ?? DEFAULT_IMPORTANCE])),
  );
  const [importanceMode, setImportanceMode] = useState<ImportanceMode>(initial?.pairwise?.length ? "pairwise" : "numbers");
  const [pairValues, setPairValues] = useState<PairwiseValues>(() => {
    // Stored either way round; the editor asks with the earlier criterion first.
    const position = new Map(criteria.map((c, i) => [c.id, i]));
    const values: PairwiseValues = {};
    for (const j of initial?.pairwise ?? []) {
      const a = position.get(String(j.a));
      const b = position.get(String(j.b));
      if (a === undefined || b === undefined) continue;
      if (a < b) values[pairKey(criteria[a]!.id, criteria[b]!.id)] = j.value;
      else values[pairKey(criteria[b]!.id, criteria[a]!.id)] = 1 / j.value;
    }
    return values;
  });
  const [comment, setComment] = useState(initial?.comment ?? "");
  const [invalidCells, setInvalidCells] = useState<Set<string>>(new Set());

  const scoreOf = (cell: BallotCell, value: number | null) => ({
    optionId: cell.option.id,
    criterionId: cell.criterion.id,
    value,
    ...(notes[cell.key]?.trim() ? { rationale: notes[cell.key] } : {}),
  });

  const weighing =
    weightMode !== "VOTED" || rules.importancesFixed
      ? {}
      : importanceMode === "pairwise"
        ? { pairwise: pairsOf(criteria.map((c) => ({ ...c, key: c.id }))).map(({ a, b }) => ({ a: a.id, b: b.id, value: pairValues[pairKey(a.id, b.id)] ?? 1 })) }
        : { importances: criteria.map((c) => ({ criterionId: c.id, value: importances[c.id] ?? DEFAULT_IMPORTANCE })) };
  // What the server keeps as a draft: only cells touched so far (a blank cell is not an abstention yet).
  const draft: BallotInput = {
    scores: rules.weighingOnly ? [] : cells.filter((cell) => cell.key in values).map((cell) => scoreOf(cell, values[cell.key] ?? null)),
    ...weighing,
    comment,
  };
  // What Submit sends: every cell, blanks as abstentions (none while only importances are asked for).
  const ballot: BallotInput = { ...draft, scores: rules.weighingOnly ? [] : cells.map((cell) => scoreOf(cell, values[cell.key] ?? null)) };
  // Cells the decision's rules will refuse: scores at either end of the scale with no rationale.
  const needsRationale = rules.rationaleAtExtremes && !rules.weighingOnly
    ? cells.filter((cell) => (values[cell.key] === scale.min || values[cell.key] === scale.max) && !notes[cell.key]?.trim())
    : [];

  function setCell(key: string, value: CellValue) {
    setValues((current) => {
      const next = { ...current };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
    // Changing a cell the server refused takes away its red mark.
    setInvalidCells((current) => {
      if (!current.has(key)) return current;
      const next = new Set(current);
      next.delete(key);
      return next;
    });
  }

  const scored = cells.filter((c) => typeof values[c.key] === "number").length;
  const abstained = cells.filter((c) => values[c.key] === null).length;

  return {
    cells,
    /** undefined (not in the record) for a blank cell, null for an abstention. */
    valueOf: (key: string): CellValue => (key in values ? values[key] : undefined),
    setCell,
    notes,
    setNote: (key: string, text: string) => setNotes((current) => ({ ...current, [key]: text })),
    importances,
    importanceMode,
    setImportanceMode,
    pairValues,
    setPairValues,
    needsRationale,
    setImportance: (criterionId: string, value: number) => setImportances((current) => ({ ...current, [criterionId]: value })),
    comment,
    setComment,
    invalidCells,
    setInvalidCells,
    draft,
    ballot,
    counts: { scored, abstained, blank: cells.length - scored - abstained },
  };
}
