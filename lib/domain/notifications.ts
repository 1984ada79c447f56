// What each kind of notification says and where it points. Pure: the server supplies the facts it
// may show (names, numbers, the winner only when results may be seen), never a score or a rationale.

export const NOTIFICATION_KINDS = [
  "VOTE_OPENED",
  "DEADLINE_SOON",
  "VOTE_CLOSED",
  "REVIEW_REQUESTED",
  "REVIEW_DUE",
  "MENTIONED",
  "ROLE_CHANGED",
] as const;

export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];

/** `label` names the kind in settings and emails; `tag` names one notification of it in the inbox. */
export const NOTIFICATION_KIND_LABELS: Record<
  NotificationKindName,
  { label: string; tag: string; description: string }
> = {
  VOTE_OPENED: {
    tag: "Vote opened",
    label: "A vote opens for you",
    description: "A decision you can vote on opens (or reopens).",
  },
  DEADLINE_SOON: {
    tag: "Deadline soon",
    label: "Deadline reminder",
    description: "A vote closes within 24 hours and you have not voted.",
  },
  VOTE_CLOSED: {
    tag: "Vote closed",
    label: "A vote closes",
    description: "A vote in your project closes, with its winner once results may be seen.",
  },
  REVIEW_REQUESTED: {
    tag: "Review",
    label: "A record awaits your review",
    description: "Owners and leads: a closed vote wrote a proposed record.",
  },
  REVIEW_DUE: {
    tag: "Review due",
    label: "A record is due for review",
    description: "Owners and leads: an accepted record's review date has come.",
  },
  MENTIONED: {
    tag: "Mention",
    label: "You are mentioned",
    description: "Someone writes @you in a discussion.",
  },
  ROLE_CHANGED: {
    tag: "Role",
    label: "Your role changes",
    description: "An owner changes your role in a project.",
  },
};

export interface NotificationText {
  title: string;
  body: string;
  link: string;
}

const decisionPath = (projectId: string, decisionId: string) =>
  `/projects/${projectId}/decisions/${decisionId}`;
const decisionLabel = (number: number, title: string) => `D-${number} ${title}`;

export function voteOpenedText(input: {
  projectId: string;
  projectName: string;
  decisionId: string;
  number: number;
  title: string;
  deadline: Date | null;
  reopened: boolean;
}): NotificationText {
  const deadline = input.deadline
    ? ` Voting closes ${input.deadline.toISOString().slice(0, 16).replace("T", " ")} UTC.`
    : "";
  return {
    title: `${input.reopened ? "Vote reopened" : "Vote open"}: ${decisionLabel(input.number, input.title)}`,
    body: `Your ballot is waiting in ${input.projectName}.${deadline}`,
    link: `${decisionPath(input.projectId, input.decisionId)}/vote`,
  };
}

export function deadlineSoonText(input: {
  projectId: string;
  projectName: string;
  decisionId: string;
  number: number;
  title: string;
  deadline: Date;
}): NotificationText {
  return {
    title: `Closes soon, you have not voted: ${decisionLabel(input.number, input.title)}`,
    body: `Voting in ${input.projectName} closes ${input.deadline.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
    link: `${decisionPath(input.projectId, input.decisionId)}/vote`,
  };
}

/** `winners` is null when the reader may not see the results (the vote was reopened since, say). */
export function voteClosedText(input: {
  projectId: string;
  projectName: string;
  decisionId: string;
  number: number;
  title: string;
  winners: string[] | null;
  byDeadline: boolean;
}): NotificationText {
  let outcome: string;
  if (input.winners === null) outcome = "Its results are not visible right now.";
  else if (input.winners.length === 0) outcome = "Nobody scored it, so there is no winner.";
  else if (input.winners.length === 1) outcome = `Winner: ${input.winners[0]}.`;
  else outcome = `Tie between ${input.winners.join(" and ")}.`;
  return {
    title: `Vote closed${input.byDeadline ? " at its deadline" : ""}: ${decisionLabel(input.number, input.title)}`,
    body: `${outcome} (${input.projectName})`,
    link: decisionPath(input.projectId, input.decisionId),
  };
}

export function reviewRequestedText(input: {
  projectId: string;
  projectName: string;
  decisionId: string;
  recordKey: string;
  title: string;
}): NotificationText {
  return {
    title: `${input.recordKey} awaits your review: ${input.title}`,
    body: `A proposed record in ${input.projectName}: accept or reject it.`,
    link: `/projects/${input.projectId}/records/${input.decisionId}`,
  };
}

export function reviewDueText(input: {
  projectId: string;
  projectName: string;
  decisionId: string;
  recordKey: string;
  title: string;
  reviewBy: string;
}): NotificationText {
  return {
    title: `${input.recordKey} is due for review: ${input.title}`,
    body: `Its review date in ${input.projectName} was ${input.reviewBy}: confirm it still holds, or start a decision to replace it.`,
    link: `/projects/${input.projectId}/records/${input.decisionId}`,
  };
}

/** Says who and where, never what: the comment's words stay in the discussion. */
export function mentionedText(input: {
  projectId: string;
  projectName: string;
  decisionId: string;
  number: number;
  title: string;
  authorName: string;
  commentId: string;
}): NotificationText {
  return {
    title: `${input.authorName} mentioned you: ${decisionLabel(input.number, input.title)}`,
    body: `In the discussion of a decision in ${input.projectName}.`,
    link: `${decisionPath(input.projectId, input.decisionId)}#comment-${input.commentId}`,
  };
}

const ROLE_WORDS: Record<string, string> = {
  OWNER: "Owner",
  LEAD: "Lead",
  MEMBER: "Member",
  AUDITOR: "Auditor",
};

export function roleChangedText(input: {
  projectId: string;
  projectName: string;
  before: string;
  after: string;
}): NotificationText {
  return {
    title: `Your role in ${input.projectName} is now ${ROLE_WORDS[input.after] ?? input.after}`,
    body: `It was ${ROLE_WORDS[input.before] ?? input.before}.`,
    link: `/projects/${input.projectId}`,
  };
}

/** Exponential backoff: base, 2·base, 4·base, … capped at an hour. */
export function retryDelayMs(baseMs: number, attempt: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);
}
