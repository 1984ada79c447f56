import "server-only";
import { getDb } from "../../db";
import type { Actor } from "../actor";
import { requirePermission } from "../access";
import { lookUpActorNames } from "./shape";

export interface AuditFilterChoices {
  actors: { id: string; name: string | null }[];
  actions: string[];
  entityTypes: string[];
}

/** The values that occur in a project's history, for the filter form's select boxes. */
export async function auditFilterChoices(actor: Actor, projectId: string): Promise<AuditFilterChoices> {
  await requirePermission(projectId, actor.userId, "audit.read");
  const db = getDb();
  const [actions, entityTypes, actorIds] = await Promise.all([
    db.auditEvent.groupBy({ by: ["action"], where: { projectId }, orderBy: { action: "asc" } }),
    db.auditEvent.groupBy({ by: ["entityType"], where: { projectId }, orderBy: { entityType: "asc" } }),
    db.auditEvent.groupBy({ by: ["actorId"], where: { projectId, actorId: { not: null } } }),
  ]);
  const names = await lookUpActorNames(db, actorIds);
  return {
    actors: actorIds
      .map(({ actorId }) => ({ id: actorId!, name: names.get(actorId!) ?? null }))
      .sort((a, b) => (a.name ?? "\uffff").localeCompare(b.name ?? "\uffff") || a.id.localeCompare(b.id)),
    actions: actions.map((row) => row.action),
    entityTypes: entityTypes.map((row) => row.entityType),
  };
}
