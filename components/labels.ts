// The words people read for the app's stored values (enums, reasons, field names), in one place for
// every page: `FIXED` → "Fixed weights", `AFTER_CLOSE` → "Hidden until the vote closes". Pages show the
// word and keep the stored value in a title attribute, so the exact value stays one hover away.
import type { RoleName } from "@/lib/schemas/project";
import type { DecisionStatus, RevealPolicy, WeightMode } from "@/lib/schemas/responses";

export const STATUS_LABEL: Record<DecisionStatus, string> = {
  DRAFT: "Draft",
  OPEN: "Open",
  CLOSED: "Closed",
};

export const REVEAL_LABEL: Record<RevealPolicy, string> = {
  AFTER_CLOSE: "Hidden until the vote closes",
  LIVE: "Live while voting",
};

export const WEIGHT_MODE_LABEL: Record<WeightMode, string> = {
  FIXED: "Fixed weights",
  VOTED: "Voted importances",
};

export const ROLE_LABEL: Record<RoleName, string> = {
  OWNER: "Owner",
  LEAD: "Lead",
  MEMBER: "Member",
  AUDITOR: "Auditor",
};

/** Why a vote closed (decision.closed events). */
export const CLOSE_REASON_LABEL: Record<string, string> = {
  lead: "Closed by an owner or lead",
  deadline: "The deadline passed",
};

const RECORD_STATUS_LABEL: Record<string, string> = {
  proposed: "Proposed",
  accepted: "Accepted",
  rejected: "Rejected",
  deprecated: "Deprecated",
};

/** Field names whose stored value has a word of its own, by the field it appears under. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  weightMode: WEIGHT_MODE_LABEL,
  revealPolicy: REVEAL_LABEL,
  role: ROLE_LABEL,
  reason: CLOSE_REASON_LABEL,
  status: { ...STATUS_LABEL, ...RECORD_STATUS_LABEL },
};

/** Field names read better in words than split from camelCase. */
const FIELD_LABELS: Record<string, string> = {
  reason: "Why",
  weightMode: "Weights",
  revealPolicy: "Results",
  scaleMin: "Lowest score",
  scaleMax: "Highest score",
  chosenOptionId: "Chosen option",
  decisionId: "Decision",
  recordId: "Record",
  inviteId: "Invite",
  optionId: "Option",
  criterionId: "Criterion",
  voterId: "Voter",
  userId: "Person",
  owner: "Owner",
  by: "Superseded by",
};

/** `expiresAt` → "Expires at", `weight_mode` → "Weight mode", with the exceptions above. */
export function fieldLabel(key: string): string {
  const known = FIELD_LABELS[key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.-]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}

/** The word for a stored value under this field, or undefined when the value is shown as it is. */
export function valueLabel(field: string | undefined, value: string): string | undefined {
  if (field === undefined) return undefined;
  const label = VALUE_LABELS[field]?.[value];
  if (label) return label;
  if (field === "status" && value.startsWith("superseded by ")) return `Superseded by ${value.slice(14)}`;
  return undefined;
}

/** Fields whose values are ids of people, decisions, options… that a page can replace by a name. */
export function isIdField(field: string | undefined): boolean {
  return field !== undefined && (/Id$/.test(field) || field === "owner" || field === "id");
}
