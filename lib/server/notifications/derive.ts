// Which members hear about one committed audit event, and what they are told. Reads the database
// as it is now (inside the fan-out's transaction): a member who left hears nothing, a vote reopened
// since its close shows no winner, a vote already closed again sends no "vote open".
import "server-only";
import type { Tx } from "../../db";
import type { NotificationKind, Role } from "../../generated/prisma/enums";
import type { EventFacts } from "../audit/shape";
import {
  mentionedText,
  reviewRequestedText,
  roleChangedText,
  voteClosedText,
  voteOpenedText,
  type NotificationText,
} from "../../domain/notifications";
import { recordKey } from "../../domain/slug";
import { computeResultsFromTallies } from "../decisions/compute-results";

export interface NotificationDraft extends NotificationText {
  userId: string;
  projectId: string;
  kind: NotificationKind;
  sourceKey: string;
  decisionId: string | null;
}

export type AuditEventRow = Pick<EventFacts, "projectId" | "seq" | "actorId" | "action" | "entityId" | "data">;

export const VOTER_ROLES: readonly Role[] = ["OWNER", "LEAD", "MEMBER"];
export const REVIEWER_ROLES: readonly Role[] = ["OWNER", "LEAD"];

type Data = Record<string, unknown>;
const asData = (value: unknown): Data => (value && typeof value === "object" ? (value as Data) : {});

export async function draftsForEvent(tx: Tx, event: AuditEventRow): Promise<NotificationDraft[]> {
  const data = asData(event.data);
  const eventKey = `event:${event.projectId}:${event.seq}`;
  switch (event.action) {
    case "decision.opened":
    case "decision.reopened":
      return voteOpened(tx, event, eventKey);
    case "decision.closed":
      return voteClosed(tx, event, eventKey, data.reason === "deadline");
    case "record.created":
      return reviewRequested(tx, event, eventKey, data);
    case "comment.posted":
    case "comment.edited":
      return mentioned(tx, event, data);
    case "member.role_changed":
      return roleChanged(tx, event, eventKey, data);
    default:
      return [];
  }
}

async function projectContext(tx: Tx, projectId: string) {
  const project = await tx.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { name: true, members: { select: { userId: true, role: true } } },
  });
  return project;
}

async function voteOpened(tx: Tx, event: AuditEventRow, sourceKey: string): Promise<NotificationDraft[]> {
  const decision = await tx.decision.findUnique({
    where: { id: event.entityId },
    select: { id: true, number: true, title: true, deadline: true, status: true },
  });
  if (!decision || decision.status !== "OPEN") return [];
  const project = await projectContext(tx, event.projectId);
  const text = voteOpenedText({
    projectId: event.projectId,
    projectName: project.name,
    decisionId: decision.id,
    number: decision.number,
    title: decision.title,
    deadline: decision.deadline,
    reopened: event.action === "decision.reopened",
  });
  // Every eligible voter, the opener included: they have a ballot to cast like everyone else.
  return project.members
    .filter((member) => VOTER_ROLES.includes(member.role))
    .map((member) => ({
      ...text,
      userId: member.userId,
      projectId: event.projectId,
      kind: "VOTE_OPENED",
      sourceKey,
      decisionId: decision.id,
    }));
}

async function voteClosed(
  tx: Tx,
  event: AuditEventRow,
  sourceKey: string,
  byDeadline: boolean,
): Promise<NotificationDraft[]> {
  const decision = await tx.decision.findUnique({
    where: { id: event.entityId },
    select: { id: true, number: true, title: true, status: true },
  });
  if (!decision) return [];
  // Every role may see the results of a closed vote; a vote reopened since hides them again.
  let winners: string[] | null = null;
  if (decision.status === "CLOSED") {
    const result = await computeResultsFromTallies(tx, decision.id);
    winners = result.options
      .filter((option) => result.winnerOptionIds.includes(option.optionId) && option.total !== null)
      .map((option) => option.name);
  }
  const project = await projectContext(tx, event.projectId);
  const text = voteClosedText({
    projectId: event.projectId,
    projectName: project.name,
    decisionId: decision.id,
    number: decision.number,
    title: decision.title,
    winners,
    byDeadline,
  });
  return project.members
    .filter((member) => member.userId !== event.actorId)
    .map((member) => ({
      ...text,
      userId: member.userId,
      projectId: event.projectId,
      kind: "VOTE_CLOSED",
      sourceKey,
      decisionId: decision.id,
    }));
}

async function reviewRequested(
  tx: Tx,
  event: AuditEventRow,
  sourceKey: string,
  data: Data,
): Promise<NotificationDraft[]> {
  const record = await tx.decisionRecord.findUnique({
    where: { id: event.entityId },
    select: {
      status: true,
      number: true,
      title: true,
      decisionId: true,
      decision: { select: { title: true } },
    },
  });
  if (!record || record.status !== "proposed" || typeof data.decisionId !== "string") return [];
  const project = await projectContext(tx, event.projectId);
  const text = reviewRequestedText({
    projectId: event.projectId,
    projectName: project.name,
    decisionId: record.decisionId,
    recordKey: recordKey(record.number),
    title: record.title ?? record.decision.title,
  });
  return project.members
    .filter((member) => REVIEWER_ROLES.includes(member.role) && member.userId !== event.actorId)
    .map((member) => ({
      ...text,
      userId: member.userId,
      projectId: event.projectId,
      kind: "REVIEW_REQUESTED",
      sourceKey,
      decisionId: record.decisionId,
    }));
}

async function mentioned(tx: Tx, event: AuditEventRow, data: Data): Promise<NotificationDraft[]> {
  const mentions = Array.isArray(data.mentions)
    ? data.mentions.filter((id): id is string => typeof id === "string")
    : [];
  if (mentions.length === 0) return [];
  const comment = await tx.comment.findUnique({
    where: { id: event.entityId },
    select: {
      deletedAt: true,
      author: { select: { name: true } },
      decision: { select: { id: true, number: true, title: true } },
    },
  });
  if (!comment || comment.deletedAt) return [];
  const project = await projectContext(tx, event.projectId);
  const members = new Set(project.members.map((member) => member.userId));
  const text = mentionedText({
    projectId: event.projectId,
    projectName: project.name,
    decisionId: comment.decision.id,
    number: comment.decision.number,
    title: comment.decision.title,
    authorName: comment.author.name,
    commentId: event.entityId,
  });
  // Keyed by the comment, not the event: an edit that keeps the mention does not notify again.
  return mentions
    .filter((userId) => members.has(userId) && userId !== event.actorId)
    .map((userId) => ({
      ...text,
      userId,
      projectId: event.projectId,
      kind: "MENTIONED",
      sourceKey: `mention:${event.entityId}`,
      decisionId: comment.decision.id,
    }));
}

async function roleChanged(
  tx: Tx,
  event: AuditEventRow,
  sourceKey: string,
  data: Data,
): Promise<NotificationDraft[]> {
  if (event.entityId === event.actorId) return [];
  const project = await projectContext(tx, event.projectId);
  if (!project.members.some((member) => member.userId === event.entityId)) return [];
  const before = String(asData(data.before).role ?? "");
  const after = String(asData(data.after).role ?? "");
  const text = roleChangedText({ projectId: event.projectId, projectName: project.name, before, after });
  return [
    {
      ...text,
      userId: event.entityId,
      projectId: event.projectId,
      kind: "ROLE_CHANGED",
      sourceKey,
      decisionId: null,
    },
  ];
}
