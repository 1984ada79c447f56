// Searching a project: the query the search page, the API and the OpenAPI document share.
import { z } from "zod";
import { safeText } from "./text";

export const SEARCH_MIN_LENGTH = 2;

export const projectSearchQuerySchema = z
  .object({
    q: safeText()
      .trim()
      .min(SEARCH_MIN_LENGTH, { error: `Search for at least ${SEARCH_MIN_LENGTH} characters.` })
      .max(200, { error: "Keep the search under 200 characters." }),
  })
  .strict();

/** Where a decision matched: the words the results page shows next to each hit. */
export const SEARCH_FIELDS = ["title", "context", "option", "criterion", "record"] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export const searchHitSchema = z.object({
  decisionId: z.string(),
  key: z.string(),
  title: z.string(),
  status: z.enum(["DRAFT", "OPEN", "CLOSED"]),
  recordStatus: z.string().nullable(),
  /** The fields that contain the query, in SEARCH_FIELDS order. */
  matchedIn: z.array(z.enum(SEARCH_FIELDS)),
  /** A line around the first hit outside the title, or null when only the title matched. */
  excerpt: z.string().nullable(),
});

export const searchResponseSchema = z.object({
  query: z.string(),
  hits: z.array(searchHitSchema),
  /** True when more decisions matched than the response holds. */
  truncated: z.boolean(),
});

export type SearchHit = z.infer<typeof searchHitSchema>;
export type SearchResponse = z.infer<typeof searchResponseSchema>;
