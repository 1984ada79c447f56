import "server-only";
import type { z } from "zod";
import { AppError } from "../errors";

export interface FieldIssue {
  path: string;
  message: string;
}

export function describeIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    message:
      issue.code === "unrecognized_keys" ? `Unknown field(s): ${issue.keys.join(", ")}.` : issue.message,
  }));
}

/** Validates input against a shared schema; a broken rule is a 422 naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  return parsedInput(schema.safeParse(raw));
}

/** parseInput's answer for a parse already made (when its 422 must wait for a permission check). */
export function parsedInput<T>(result: z.ZodSafeParseResult<T>): T {
  if (result.success) return result.data;
  const issues = describeIssues(result.error);
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
  throw new AppError("unprocessable", `Invalid input — ${summary}`, { issues });
}
