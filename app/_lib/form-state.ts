// What a server action hands back to its form: a message, per-field errors and the values to refill.
import { AppError } from "@/lib/errors";

export interface FormState {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Non-secret values the user typed, so a refused form does not come back empty. */
  values?: Record<string, string>;
}

export const idleState: FormState = { status: "idle" };

interface Issue {
  path: string;
  message: string;
}

function issuesOf(details: unknown): Issue[] {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (issue): issue is Issue => typeof issue?.path === "string" && typeof issue?.message === "string",
  );
}

/**
 * Turns an AppError into form state: validation issues land next to their fields, a conflict that
 * names a field (e.g. a taken email) too. Anything else is not ours to show: it is rethrown, which
 * also lets Next's redirect() and notFound() through.
 */
export function formStateFromError(error: unknown, values?: Record<string, string>): FormState {
  if (!(error instanceof AppError)) throw error;
  const fieldErrors: Record<string, string> = {};
  let formMessage: string | undefined;
  for (const issue of issuesOf(error.details)) {
    if (issue.path === "(body)" || issue.path === "") formMessage ??= issue.message;
    else fieldErrors[issue.path] ??= issue.message;
  }
  const field = (error.details as { field?: unknown } | undefined)?.field;
  if (typeof field === "string") fieldErrors[field] ??= error.message;
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  const message =
    formMessage ??
    (hasFieldErrors
      ? typeof field === "string"
        ? undefined
        : "Check the highlighted fields and try again."
      : error.message);
  return { status: "error", message, fieldErrors: hasFieldErrors ? fieldErrors : undefined, values };
}

export const formString = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};
