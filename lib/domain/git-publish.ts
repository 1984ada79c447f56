// The rules of publishing records to a git repository that must be exactly right: which branch a
// record goes to, what a commit says, and when a file in git may be overwritten. No I/O here.

import { formatRecordNumber, recordKey } from "./slug";

/** The audit actions that change a record's text, and the change each one names in a commit message. */
export const PUBLISHED_CHANGES: Readonly<Record<string, string>> = {
  "record.created": "propose",
  "record.regenerated": "regenerate",
  "record.revised": "edit",
  "record.accepted": "accept",
  "record.rejected": "reject",
  "record.deprecated": "deprecate",
  "record.superseded": "supersede",
  "record.supersedes": "supersede",
  "record.imported": "import",
  "record.reimported": "import",
  "record.review_date_set": "set review date",
  "record.review_confirmed": "confirm review",
};

/** The change a record's audit event stands for in a commit, or null when the file does not change. */
export function changeOfAction(action: string, data: Record<string, unknown> = {}): string | null {
  const linked = (key: string) => {
    const link = data[key] as { number?: unknown } | undefined;
    return typeof link?.number === "number" ? recordKey(link.number) : null;
  };
  if (action === "record.superseded") {
    const by = linked("by");
    return by ? `superseded by ${by}` : "superseded";
  }
  if (action === "record.supersedes") {
    const old = linked("supersedes");
    return old ? `supersede ${old}` : "supersede";
  }
  return PUBLISHED_CHANGES[action] ?? null;
}

/** `ADR-0007: accept "Use Ray Serve for model serving"`, one line per record when a change touches several. */
export function commitMessage(changes: { number: number; title: string; change: string }[]): string {
  const lines = changes.map(
    (c) => `${recordKey(c.number)}: ${c.change} "${c.title.replace(/\s+/g, " ").trim()}"`,
  );
  if (lines.length === 1) return `${lines[0]}\n`;
  return `${lines.join("; ")}\n\n${lines.join("\n")}\n`;
}

/** The branch a proposed record waits on when the project keeps proposals apart: `verdict/adr-0007`. */
export function proposedBranchName(number: number): string {
  return `verdict/adr-${formatRecordNumber(number)}`;
}

export function branchForRecord(
  connection: { branch: string; proposedBranches: boolean },
  record: { number: number; status: string },
): string {
  return connection.proposedBranches && record.status === "proposed"
    ? proposedBranchName(record.number)
    : connection.branch;
}

export type FileVerdict =
  /** Write Verdict's text: git still holds what Verdict last wrote there (or nothing at all). */
  | "write"
  /** Git already holds exactly Verdict's text: nothing to commit for this file. */
  | "unchanged"
  /** Someone changed (or deleted) the file in git since Verdict wrote it: leave it alone. */
  | "conflict";

/**
 * Decides one file by git blob ids: what Verdict last wrote at the path (null: never), what the
 * branch holds now (null: no such file) and what Verdict would write.
 */
export function decideFile(lastWritten: string | null, inGit: string | null, toWrite: string): FileVerdict {
  if (inGit === toWrite) return "unchanged";
  if (inGit === lastWritten) return "write";
  return "conflict";
}

/** A repository folder as git paths want it: `docs/decisions`, no leading or trailing slash, no `..`. */
export function normalizeFolder(folder: string): string | null {
  const parts = folder
    .trim()
    .replace(/\\/g, "/")
    .split("/")
    .filter((p) => p !== "" && p !== ".");
  if (parts.some((p) => p === ".." || p === ".git" || /[\u0000-\u001f]/.test(p))) return null;
  return parts.join("/");
}

/** git's own rules for a branch name (git check-ref-format), in short. */
export function isValidBranchName(name: string): boolean {
  if (name.length === 0 || name.length > 200) return false;
  if (name.startsWith("/") || name.endsWith("/") || name.endsWith(".") || name.startsWith("-")) return false;
  if (/\.\.|\/\/|@\{|[\u0000-\u0020\u007f~^:?*[\\]/.test(name)) return false;
  return name.split("/").every((part) => part.length > 0 && !part.startsWith(".") && !part.endsWith(".lock"));
}

export type RemoteKind = "https" | "http" | "file" | "ssh";

/**
 * The kind of a remote URL, or an error saying what is wrong. Credentials never belong in the URL
 * (they would be stored in clear and shown back): they go in the credential fields.
 */
export function classifyRemote(url: string): { kind: RemoteKind } | { error: string } {
  const trimmed = url.trim();
  if (/^git@[^:\s]+:\S+$/.test(trimmed)) return { kind: "ssh" };
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return { error: "Give the repository's address, e.g. https://git.example.com/team/decisions.git." };
  }
  const scheme = parsed.protocol.replace(/:$/, "");
  if (scheme !== "https" && scheme !== "http" && scheme !== "file" && scheme !== "ssh") {
    return { error: `A ${scheme}: address is not supported; use https://, http://, ssh:// or file://.` };
  }
  if (parsed.username || parsed.password) {
    return { error: "Leave the user name and token out of the address; put them in the credential fields." };
  }
  if (scheme === "file") {
    if (!parsed.pathname || parsed.pathname === "/")
      return { error: "A file:// address must name a repository folder." };
    return { kind: "file" };
  }
  if (!parsed.hostname) return { error: "The address names no host." };
  return { kind: scheme };
}
