// A project's git repository connection and its publish log, as forms, the API and OpenAPI see them.
// Credentials go in and never come out: responses say only whether they are set.
import { z } from "zod";
import { classifyRemote, isValidBranchName, normalizeFolder } from "../domain/git-publish";
import { safeText } from "./text";

export const repositoryConnectionSchema = z
  .object({
    remoteUrl: safeText({ error: "Give the repository's address." })
      .trim()
      .min(1, { error: "Give the repository's address." })
      .max(2000, { error: "The address is too long." })
      .superRefine((url, ctx) => {
        const kind = classifyRemote(url);
        if ("error" in kind) ctx.addIssue({ code: "custom", message: kind.error });
      }),
    branch: safeText()
      .trim()
      .default("main")
      .refine(isValidBranchName, { error: "Not a branch name git accepts (e.g. main)." }),
    folder: safeText()
      .default("docs/decisions")
      .refine((f) => normalizeFolder(f) !== null, {
        error: "Give a folder inside the repository, e.g. docs/decisions (no ..).",
      })
      .transform((f) => normalizeFolder(f)!),
    proposedBranches: z.boolean({ error: "proposedBranches must be true or false." }).default(false),
    /**
     * `{username, secret}` replaces the stored credentials, `null` removes them, absent keeps them.
     * The secret is a token or password for https; it is never returned.
     */
    credentials: z
      .object({
        username: safeText({ error: "Give the user name." })
          .trim()
          .min(1, { error: "Give the user name." })
          .max(200),
        secret: safeText({ error: "Give the token or password." })
          .min(1, { error: "Give the token or password." })
          .max(4000),
      })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();

export type RepositoryConnectionInput = z.input<typeof repositoryConnectionSchema>;

export const repositoryConnectionResponseSchema = z.object({
  connection: z
    .object({
      remoteUrl: z.string(),
      branch: z.string(),
      folder: z.string(),
      proposedBranches: z.boolean(),
      credentials: z.enum(["set", "not set"]),
      updatedAt: z.string(),
    })
    .nullable(),
  /** Whether the server can keep credentials (VERDICT_SECRET_KEY is set). */
  canStoreCredentials: z.boolean(),
  fileRemotesAllowed: z.boolean(),
});

export const PUBLICATION_STATUSES = [
  "pending",
  "published",
  "unchanged",
  "conflict",
  "failed",
  "skipped",
  "resolved",
] as const;

export const publicationSchema = z.object({
  id: z.string(),
  recordId: z.string(),
  recordKey: z.string(),
  recordTitle: z.string(),
  change: z.string(),
  status: z.enum(PUBLICATION_STATUSES),
  overwrite: z.boolean(),
  attempts: z.number().int(),
  branch: z.string().nullable(),
  path: z.string().nullable(),
  commitId: z.string().nullable(),
  error: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
  attemptedAt: z.string().nullable(),
  /** Only on conflicts: the file's text in git and the text Verdict would have written. */
  remoteText: z.string().nullable(),
  verdictText: z.string().nullable(),
  /** The record's proposal branch, deleted once this publication put the decided record on the main branch. */
  deletedBranch: z.string().nullable(),
});

export const publishLogResponseSchema = z.object({ publications: z.array(publicationSchema) });

export const recordPublicationResponseSchema = z.object({
  connected: z.boolean(),
  publication: publicationSchema.nullable(),
});

export const publishLogQuerySchema = z
  .object({
    recordId: z.string().max(100).optional(),
    limit: z.coerce.number({ error: "limit must be a number." }).int().min(1).max(200).default(50),
  })
  .strict();

export const publishNowSchema = z
  .object({
    /** Also queue every record of the project (the first publish after connecting). */
    all: z.boolean({ error: "all must be true or false." }).default(false),
  })
  .strict();

export const resolveConflictSchema = z
  .object({
    resolution: z.literal("overwrite", {
      error: 'resolution must be "overwrite" (to leave the file as it is in git, do nothing).',
    }),
  })
  .strict();
