// The publish log, "Publish now" and resolving a conflict: what owners and leads see and do on the
// git settings page, and the last publish of one record for its page.
import "server-only";
import { getDb } from "../../db";
import { recordKey } from "../../domain/slug";
import { AppError } from "../../errors";
import { publishLogQuerySchema, publishNowSchema, resolveConflictSchema } from "../../schemas/repository";
import type { Actor } from "../actor";
import { requirePermission, requirePermissionInTx } from "../access";
import { appendAuditEvent } from "../audit";
import { parseInput } from "../parse-input";
import { publicationGroup } from "./enqueue";
import { publishPending } from "./publish";

const publicationSelect = {
  id: true,
  recordId: true,
  change: true,
  status: true,
  overwrite: true,
  attempts: true,
  branch: true,
  path: true,
  commitId: true,
  error: true,
  createdAt: true,
  attemptedAt: true,
  remoteText: true,
  verdictText: true,
  deletedBranch: true,
  actorId: true,
  record: { select: { number: true, title: true, decision: { select: { title: true } } } },
} as const;

type PublicationRow = Awaited<ReturnType<typeof loadPublications>>[number];

function loadPublications(where: { projectId: string; recordId?: string }, take: number) {
  return getDb().recordPublication.findMany({
    where,
    orderBy: { seq: "desc" },
    take,
    select: publicationSelect,
  });
}

async function present(rows: PublicationRow[]) {
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const users = await getDb().user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true },
  });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    recordId: r.recordId,
    recordKey: recordKey(r.record.number),
    recordTitle: r.record.title ?? r.record.decision.title,
    change: r.change,
    status: r.status as "pending",
    overwrite: r.overwrite,
    attempts: r.attempts,
    branch: r.branch,
    path: r.path,
    commitId: r.commitId,
    error: r.error,
    actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
    createdAt: r.createdAt.toISOString(),
    attemptedAt: r.attemptedAt?.toISOString() ?? null,
    remoteText: r.status === "conflict" ? r.remoteText : null,
    verdictText: r.status === "conflict" ? r.verdictText : null,
    deletedBranch: r.deletedBranch,
  }));
}

export async function listPublishLog(actor: Actor, projectId: string, rawQuery: unknown = {}) {
  await requirePermission(projectId, actor.userId, "repository.publish");
  const query = parseInput(publishLogQuerySchema, rawQuery);
  return {
    publications: await present(await loadPublications({ projectId, recordId: query.recordId }, query.limit)),
  };
}

/** Whether the project publishes to git, and the latest publication of a decision's record, for everyone who may read it. */
export async function lastRecordPublication(actor: Actor, decisionId: string) {
  const decision = await getDb().decision.findUnique({
    where: { id: decisionId },
    select: { projectId: true },
  });
  if (!decision) throw new AppError("not_found", "No such decision.");
  await requirePermission(decision.projectId, actor.userId, "project.read");
  const record = await getDb().decisionRecord.findUnique({
    where: { decisionId },
    select: { id: true, projectId: true },
  });
  const connected = await getDb().repositoryConnection.findUnique({
    where: { projectId: decision.projectId },
    select: { projectId: true },
  });
  if (!record) return { connected: connected !== null, publication: null };
  const [latest] = await present(
    await loadPublications({ projectId: record.projectId, recordId: record.id }, 1),
  );
  return { connected: connected !== null, publication: latest ?? null };
}

/**
 * Retries what failed, optionally queues every record (the first publish after connecting), and
 * publishes now; answers once this server has pushed what it could.
 */
export async function publishNow(actor: Actor, projectId: string, raw: unknown = {}) {
  await requirePermission(projectId, actor.userId, "repository.publish");
  const { all } = parseInput(publishNowSchema, raw);
  const queued = await getDb().$transaction(async (tx) => {
    await requirePermissionInTx(tx, projectId, actor.userId, "repository.publish");
    const connection = await tx.repositoryConnection.findUnique({
      where: { projectId },
      select: { projectId: true },
    });
    if (!connection) throw new AppError("conflict", "Connect a repository first (Settings → Git).");
    const retried = await tx.recordPublication.updateMany({
      where: { projectId, status: "failed" },
      data: { status: "pending" },
    });
    let added = 0;
    if (all) {
      const records = await tx.decisionRecord.findMany({
        where: { projectId },
        orderBy: { number: "asc" },
        select: { id: true, versions: { orderBy: { version: "desc" }, take: 1, select: { version: true } } },
      });
      const group = publicationGroup(tx);
      for (const record of records) {
        const version = record.versions[0]?.version;
        if (version === undefined) continue;
        await tx.recordPublication.create({
          data: {
            projectId,
            recordId: record.id,
            groupId: group,
            version,
            change: "publish",
            actorId: actor.userId,
          },
        });
        added++;
      }
    }
    await appendAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: "repository.publish_requested",
      entityType: "repository",
      entityId: projectId,
      data: { retried: retried.count, queued: added, all },
    });
    return { retried: retried.count, queued: added };
  });
  await publishPending(projectId);
  return { ...queued, ...(await listPublishLog(actor, projectId)) };
}

/** "Overwrite with Verdict's version": the file changed in git is replaced by the next commit, audited. */
export async function resolveConflict(actor: Actor, projectId: string, publicationId: string, raw: unknown) {
  await requirePermission(projectId, actor.userId, "repository.publish");
  parseInput(resolveConflictSchema, raw);
  await getDb().$transaction(async (tx) => {
    await requirePermissionInTx(tx, projectId, actor.userId, "repository.publish");
    const conflict = await tx.recordPublication.findFirst({ where: { id: publicationId, projectId } });
    if (!conflict) throw new AppError("not_found", "No such publication in this project.");
    if (conflict.status !== "conflict")
      throw new AppError("conflict", `This publication is ${conflict.status}, not in conflict.`);
    const latest = await tx.recordVersion.findFirst({
      where: { recordId: conflict.recordId },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    await tx.recordPublication.updateMany({
      where: { recordId: conflict.recordId, status: "conflict" },
      data: { status: "resolved" },
    });
    const record = await tx.decisionRecord.findUniqueOrThrow({
      where: { id: conflict.recordId },
      select: { decisionId: true, number: true },
    });
    await tx.recordPublication.create({
      data: {
        projectId,
        recordId: conflict.recordId,
        groupId: publicationGroup(tx),
        version: latest?.version ?? conflict.version,
        change: "overwrite with Verdict's version",
        actorId: actor.userId,
        overwrite: true,
      },
    });
    await appendAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: "repository.conflict_overwritten",
      entityType: "repository",
      entityId: projectId,
      data: {
        recordId: conflict.recordId,
        decisionId: record.decisionId,
        number: record.number,
        path: conflict.path,
        branch: conflict.branch,
      },
    });
  });
  await publishPending(projectId);
  return listPublishLog(actor, projectId);
}
