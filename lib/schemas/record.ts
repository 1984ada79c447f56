// Requests that change a decision record, shared by the API, the server actions and the forms.
import { z } from "zod";
import { safeText } from "./text";

export const NARRATIVE_FIELDS = [
  "context",
  "justification",
  "consequencesGood",
  "consequencesBad",
  "confirmation",
  "moreInformation",
] as const;

export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];

export const NARRATIVE_LABEL: Record<NarrativeField | "chosenOptionId", string> = {
  context: "Context and problem statement",
  justification: "Justification",
  consequencesGood: "Good consequences",
  consequencesBad: "Bad consequences",
  confirmation: "Confirmation",
  moreInformation: "More information",
  chosenOptionId: "Chosen option",
};

/** The statuses an index can filter on; "superseded" matches every "superseded by ADR-NNNN". */
export const RECORD_STATUS_FILTERS = [
  "proposed",
  "accepted",
  "rejected",
  "deprecated",
  "superseded",
] as const;
export type RecordStatusFilter = (typeof RECORD_STATUS_FILTERS)[number];

const MAX_FIELD = 20_000;

const narrativeText = (label: string) =>
  safeText({ error: `${label} must be text (Markdown).` }).max(MAX_FIELD, {
    error: `Keep ${label.toLowerCase()} under ${MAX_FIELD.toLocaleString("en-US")} characters.`,
  });

/** One save of a lead's edits: any subset of the narrative, plus an optional note on what changed. */
export const narrativePatchSchema = z
  .object({
    context: narrativeText("The context").optional(),
    justification: narrativeText("The justification").optional(),
    consequencesGood: narrativeText("The good consequences").optional(),
    consequencesBad: narrativeText("The bad consequences").optional(),
    confirmation: narrativeText("The confirmation").optional(),
    moreInformation: narrativeText("More information").optional(),
    chosenOptionId: z
      .string({ error: "chosenOptionId is an option id, or null to let the vote decide." })
      .min(1)
      .nullable()
      .optional(),
    note: safeText().trim().max(500, { error: "Keep the note under 500 characters." }).optional(),
    /** The record's own title (MADR: the problem and its solution); empty goes back to the decision's. */
    title: safeText({ error: "The title must be text." })
      .trim()
      .max(200, { error: "Keep the title under 200 characters." })
      .optional(),
  })
  .strict()
  .refine(
    (patch) =>
      NARRATIVE_FIELDS.some((field) => patch[field] !== undefined) ||
      patch.chosenOptionId !== undefined ||
      patch.title !== undefined,
    {
      error: "Send at least one narrative field to change.",
    },
  );

const comment = safeText().trim().max(2000, { error: "Keep the comment under 2,000 characters." });

export const acceptRecordSchema = z.object({ comment: comment.optional() }).strict();

export const rejectRecordSchema = z
  .object({ comment: comment.min(3, { error: "Say why the record is rejected." }) })
  .strict();

export const deprecateRecordSchema = z.object({ comment: comment.optional() }).strict();

export const supersedeRecordSchema = z.union(
  [
    z.object({ byDecisionId: safeText().min(1), comment: comment.optional() }).strict(),
    z
      .object({
        byNumber: z
          .int({ error: "byNumber is the ADR number of the newer record, e.g. 7." })
          .min(0)
          .max(999_999),
        comment: comment.optional(),
      })
      .strict(),
  ],
  { error: 'Name the newer record: {"byDecisionId": "…"} or {"byNumber": 7}.' },
);

export const recordIndexQuerySchema = z
  .object({
    status: z
      .enum(RECORD_STATUS_FILTERS, { error: `status must be one of ${RECORD_STATUS_FILTERS.join(", ")}.` })
      .optional(),
    q: safeText().trim().max(200, { error: "Keep the search under 200 characters." }).optional(),
  })
  .strict();

export type NarrativePatch = z.infer<typeof narrativePatchSchema>;
export type SupersedeInput = z.infer<typeof supersedeRecordSchema>;
export type RecordIndexQuery = z.infer<typeof recordIndexQuerySchema>;

// Record reviews. A review date is a calendar day; zod's ISO date refuses days that do not exist
// (2026-02-30, 2027-02-29), so "a real date" is checked here once for the form and the API alike.
export const reviewDateSchema = z.iso.date({
  error: "Give the review date as a real calendar day, YYYY-MM-DD (e.g. 2027-03-31).",
});

/** Sets, changes or (with null) clears when the record is next reviewed. */
export const setReviewDateSchema = z
  .object({
    reviewBy: reviewDateSchema.nullable(),
  })
  .strict();

/** A review that finds the record still holds: the next review date, or null for none. */
export const confirmReviewSchema = z
  .object({
    nextReviewBy: reviewDateSchema.nullable(),
    comment: comment.optional(),
  })
  .strict();

export type SetReviewDateInput = z.infer<typeof setReviewDateSchema>;
export type ConfirmReviewInput = z.infer<typeof confirmReviewSchema>;

/** Export formats of records; also a project's default. */
export const RECORD_EXPORT_FORMATS = ["madr", "log4brains", "nygard"] as const;
export type RecordExportFormat = (typeof RECORD_EXPORT_FORMATS)[number];

export const recordExportQuerySchema = z
  .object({
    format: z
      .enum(RECORD_EXPORT_FORMATS, { error: `format must be one of ${RECORD_EXPORT_FORMATS.join(", ")}.` })
      .optional(),
    /** "appendix" moves the vote's evidence tables of generated records to a linked file per record. */
    evidence: z.enum(["inline", "appendix"], { error: "evidence must be inline or appendix." }).optional(),
  })
  .strict();

export const recordSettingsSchema = z
  .object({
    recordFormat: z.enum(RECORD_EXPORT_FORMATS, {
      error: `recordFormat must be one of ${RECORD_EXPORT_FORMATS.join(", ")}.`,
    }),
  })
  .strict();

export type RecordExportQuery = z.infer<typeof recordExportQuerySchema>;
