// Queues a record's file for publishing, inside the transaction that changed the record: the
// publication exists exactly when the change committed, and nothing is pushed before that.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "../../db";
import { changeOfAction } from "../../domain/git-publish";

// Every publication queued by one transaction is one change, and so one commit (a supersede
// touches two files). The transaction client object is unique to its transaction.
const groupOfTransaction = new WeakMap<object, string>();

export function publicationGroup(tx: Tx): string {
  let group = groupOfTransaction.get(tx);
  if (!group) {
    group = randomUUID();
    groupOfTransaction.set(tx, group);
  }
  return group;
}

/** Called for every audit event about a record; queues a publication when the project has a repository. */
export async function enqueueRecordPublication(
  tx: Tx,
  event: {
    projectId: string;
    actorId: string | null;
    action: string;
    entityId: string;
    data: Record<string, unknown>;
  },
) {
  const change = changeOfAction(event.action, event.data);
  if (!change) return;
  const connected = await tx.repositoryConnection.findUnique({
    where: { projectId: event.projectId },
    select: { projectId: true },
  });
  if (!connected) return;
  const latest = await tx.recordVersion.findFirst({
    where: { recordId: event.entityId },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  if (!latest) return;
  await tx.recordPublication.create({
    data: {
      projectId: event.projectId,
      recordId: event.entityId,
      groupId: publicationGroup(tx),
      version: latest.version,
      change,
      actorId: event.actorId,
    },
  });
}
