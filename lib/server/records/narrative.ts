// The narrative as stored in RecordVersion.narrative: the lead's text plus the generated first draft
// it started from, so a vote that is reopened and closed again can refresh the untouched parts.
import "server-only";
import type { RecordNarrative } from "../../domain/record";
import { NARRATIVE_FIELDS, type NarrativeField } from "../../schemas/record";

/** What reads and writes of a record answer for a decision whose vote has not closed yet. */
export const NO_RECORD = "This decision has no record yet: the record is written when its vote closes.";

export type NarrativeTexts = Record<NarrativeField, string>;

export interface StoredNarrative extends RecordNarrative {
  /** The generated draft of the last close; null for imported records. */
  basis: NarrativeTexts | null;
}

export function emptyTexts(): NarrativeTexts {
  return {
    context: "",
    justification: "",
    consequencesGood: "",
    consequencesBad: "",
    confirmation: "",
    moreInformation: "",
  };
}

/** Reads a stored narrative defensively: JSON written by an older build may lack fields. */
export function readStoredNarrative(json: unknown): StoredNarrative {
  const raw = (json && typeof json === "object" ? json : {}) as Record<string, unknown>;
  const texts = emptyTexts();
  for (const field of NARRATIVE_FIELDS)
    if (typeof raw[field] === "string") texts[field] = raw[field] as string;
  const basisRaw = raw.basis && typeof raw.basis === "object" ? (raw.basis as Record<string, unknown>) : null;
  let basis: NarrativeTexts | null = null;
  if (basisRaw) {
    basis = emptyTexts();
    for (const field of NARRATIVE_FIELDS)
      if (typeof basisRaw[field] === "string") basis[field] = basisRaw[field] as string;
  }
  const chosenOptionId = typeof raw.chosenOptionId === "string" ? raw.chosenOptionId : null;
  return { ...texts, chosenOptionId, basis };
}

/** The narrative without its bookkeeping, as the API shows it and generateRecord reads it. */
export function publicNarrative(stored: StoredNarrative): RecordNarrative {
  return {
    context: stored.context,
    justification: stored.justification,
    consequencesGood: stored.consequencesGood,
    consequencesBad: stored.consequencesBad,
    confirmation: stored.confirmation,
    moreInformation: stored.moreInformation,
    chosenOptionId: stored.chosenOptionId,
  };
}

/**
 * After a reopened vote closes again: every field the lead left as generated takes the new draft;
 * every field the lead rewrote, and their pick of an option, stays theirs.
 */
export function mergeRegenerated(previous: StoredNarrative, draft: NarrativeTexts): StoredNarrative {
  const merged: StoredNarrative = { ...previous, basis: draft };
  for (const field of NARRATIVE_FIELDS) {
    const untouched = previous.basis === null || previous[field] === previous.basis[field];
    if (untouched) merged[field] = draft[field];
  }
  return merged;
}

export interface FieldChange {
  field: NarrativeField | "chosenOptionId";
  before: string | null;
  after: string | null;
}

/** The fields that differ between two narratives, with both values, for the audit trail and the UI. */
export function changedFields(before: RecordNarrative, after: RecordNarrative): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of NARRATIVE_FIELDS) {
    if (before[field] !== after[field]) changes.push({ field, before: before[field], after: after[field] });
  }
  if (before.chosenOptionId !== after.chosenOptionId) {
    changes.push({ field: "chosenOptionId", before: before.chosenOptionId, after: after.chosenOptionId });
  }
  return changes;
}
