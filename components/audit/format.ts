// Words and short forms for audit events, shared by the log, the event page and entity histories.

/** `member.role_changed` → "Member role changed"; unknown actions read the same way. */
export function actionLabel(action: string): string {
  const words = action.replace(/[._]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : action;
}

/** `decision` → "Decision". */
export function entityTypeLabel(entityType: string): string {
  return actionLabel(entityType);
}

/** Times in the log are shown in UTC, to the second, so everyone reading a log sees the same clock. */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** The first characters of a hash, enough to tell events apart at a glance. */
export function shortHash(hash: string, length = 12): string {
  if (!hash) return "(genesis)";
  return hash.length > length ? `${hash.slice(0, length)}…` : hash;
}

/** Ids are long; the tail is what people compare. */
export function shortId(id: string, length = 8): string {
  return id.length > length + 1 ? `…${id.slice(-length)}` : id;
}

export type AuditFilterParams = Partial<
  Record<"actor" | "action" | "entityType" | "entityId" | "from" | "to" | "after", string>
>;

/** A link to the audit log with these filters; empty values are left out so URLs stay short. */
export function auditLogHref(projectId: string, params: AuditFilterParams = {}, hash?: string): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const search = query.toString();
  return `/projects/${encodeURIComponent(projectId)}/audit${search ? `?${search}` : ""}${hash ? `#${hash}` : ""}`;
}

export const auditEventHref = (projectId: string, seq: number) =>
  `/projects/${encodeURIComponent(projectId)}/audit/${seq}`;
