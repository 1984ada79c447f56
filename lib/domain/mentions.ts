// `@name` mentions in a comment, matched against the project's members. A handle matches a member
// whose name, with spaces and punctuation taken out, equals it (`@aishakhan`, `@aisha.khan`), whose
// first name does when no other member shares it (`@aisha`), or whose email's local part does.
// Text inside code spans and blocks is not searched: `@decorator` in code names nobody.

export interface MentionCandidate {
  userId: string;
  name: string;
  email: string;
}

const HANDLE = /(^|[^\p{L}\p{N}_@.])@([\p{L}\p{N}][\p{L}\p{N}._-]*)/gu;

const squash = (text: string) => text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

function withoutCode(markdown: string): string {
  return markdown.replace(/```[\s\S]*?(```|$)|~~~[\s\S]*?(~~~|$)/g, " ").replace(/`[^`\n]*`/g, " ");
}

export function findMentions(markdown: string, members: MentionCandidate[]): string[] {
  const firstNames = new Map<string, string[]>();
  for (const member of members) {
    const first = squash(member.name.trim().split(/\s+/)[0] ?? "");
    if (first) firstNames.set(first, [...(firstNames.get(first) ?? []), member.userId]);
  }
  const found: string[] = [];
  for (const match of withoutCode(markdown).matchAll(HANDLE)) {
    const handle = squash(match[2]!.replace(/[._-]+$/, ""));
    if (!handle) continue;
    const byName = members.find((m) => squash(m.name) === handle || squash(m.email.split("@")[0] ?? "") === handle);
    const byFirst = firstNames.get(handle);
    const userId = byName?.userId ?? (byFirst?.length === 1 ? byFirst[0] : undefined);
    if (userId && !found.includes(userId)) found.push(userId);
  }
  return found;
}
