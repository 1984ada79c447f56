// A decision's discussion: request schemas and the comment as the API and the pages show it.
import { z } from "zod";
import { safeText } from "./text";

export const COMMENT_MAX_LENGTH = 10_000;

const commentBody = safeText()
  .trim()
  .min(1, { error: "Write something before posting." })
  .max(COMMENT_MAX_LENGTH, { error: `A comment is at most ${COMMENT_MAX_LENGTH} characters.` });

const optionalId = safeText().trim().min(1).max(100).nullish();

export const postCommentSchema = z.strictObject({
  body: commentBody,
  /** A top-level comment of the same decision; replies are one level deep. */
  parentId: optionalId,
  /** Points the comment at one of the decision's options, or … */
  optionId: optionalId,
  /** … at one of its criteria (not both). */
  criterionId: optionalId,
});

export const editCommentSchema = z.strictObject({ body: commentBody });

export const citeCommentSchema = z.strictObject({ cited: z.boolean() });

export type PostCommentInput = z.infer<typeof postCommentSchema>;

const person = z.object({ id: z.string(), name: z.string() });

export const commentResponseSchema = z.object({
  id: z.string(),
  decisionId: z.string(),
  parentId: z.string().nullable(),
  optionId: z.string().nullable(),
  criterionId: z.string().nullable(),
  author: person,
  /** Markdown as written; empty once deleted. */
  body: z.string(),
  version: z.number().int(),
  cited: z.boolean(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deleted: z.boolean(),
  deletedAt: z.string().nullable(),
  mentions: z.array(person),
});
export type CommentView = z.infer<typeof commentResponseSchema>;

export const commentListResponseSchema = z.object({ comments: z.array(commentResponseSchema) });

export const commentVersionsResponseSchema = z.object({
  versions: z.array(z.object({ version: z.number().int(), body: z.string(), editor: person, createdAt: z.string() })),
});
