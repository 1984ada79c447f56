// The message (and per-field issues) of an API error answer, with a fallback when the body is not ours.
export interface ApiIssue {
  path: string;
  message: string;
}

export async function readApiError(response: Response, fallback: string): Promise<{ message: string; issues: ApiIssue[] }> {
  const body = (await response.json().catch(() => null)) as {
    error?: { message?: string; details?: { issues?: ApiIssue[] } };
  } | null;
  return { message: body?.error?.message ?? `${fallback} (HTTP ${response.status}).`, issues: body?.error?.details?.issues ?? [] };
}
