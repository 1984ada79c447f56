// Names for the ids audit events carry (people, decisions, options, criteria, records, invites), so
// history pages can show "PyTorch" where the event stores an option id. Only this project's rows are
// looked up; an id from elsewhere, or of a deleted row, simply gets no name and is shown as it is.
import "server-only";
import { getDb } from "../../db";
import { decisionKey } from "../decisions/shape";
import type { Actor } from "../actor";
import { requirePermission } from "../access";

const MAX_IDS = 2000;

/** Every string an event mentions under an id-like key (…Id, id, owner), and its entity id. */
function collectIds(value: unknown, key: string | undefined, into: Set<string>) {
  if (into.size >= MAX_IDS) return;
  if (typeof value === "string") {
    if (key !== undefined && (/Id$/.test(key) || key === "id" || key === "owner")) into.add(value);
    return;
  }
  if (Array.isArray(value)) for (const item of value) collectIds(item, key, into);
  else if (value && typeof value === "object")
    for (const [member, inner] of Object.entries(value)) collectIds(inner, member, into);
}

export async function nameAuditIds(
  actor: Actor,
  projectId: string,
  events: { entityId: string; data: unknown }[],
): Promise<Record<string, string>> {
  await requirePermission(projectId, actor.userId, "audit.read");
  const ids = new Set<string>();
  for (const event of events) {
    ids.add(event.entityId);
    collectIds(event.data, undefined, ids);
  }
  if (ids.size === 0) return {};
  const list = [...ids];
  const db = getDb();
  const [decisions, options, criteria, records, invites, users] = await Promise.all([
    db.decision.findMany({
      where: { projectId, id: { in: list } },
      select: { id: true, number: true, title: true },
    }),
    db.option.findMany({
      where: { decision: { projectId }, id: { in: list } },
      select: { id: true, name: true },
    }),
    db.criterion.findMany({
      where: { decision: { projectId }, id: { in: list } },
      select: { id: true, name: true },
    }),
    db.decisionRecord.findMany({
      where: { decision: { projectId }, id: { in: list } },
      select: { id: true, decision: { select: { number: true, title: true } } },
    }),
    db.invite.findMany({
      where: { projectId, id: { in: list } },
      select: { id: true, label: true, role: true },
    }),
    // People are named when they belong to the project or acted in its history.
    db.user.findMany({
      where: {
        id: { in: list },
        OR: [{ memberships: { some: { projectId } } }, { id: { in: await actorsOf(projectId, list) } }],
      },
      select: { id: true, name: true },
    }),
  ]);
  const names: Record<string, string> = {};
  for (const d of decisions) names[d.id] = `${decisionKey(d.number)}: ${d.title}`;
  for (const o of options) names[o.id] = o.name;
  for (const c of criteria) names[c.id] = c.name;
  for (const r of records) names[r.id] = `Record of ${decisionKey(r.decision.number)}: ${r.decision.title}`;
  for (const i of invites) names[i.id] = i.label ? `Invite for ${i.label}` : `${i.role.toLowerCase()} invite`;
  for (const u of users) names[u.id] = u.name;
  return names;
}

/** Of these ids, the ones that acted in this project's history (former members included). */
async function actorsOf(projectId: string, ids: string[]): Promise<string[]> {
  const rows = await getDb().auditEvent.findMany({
    where: { projectId, actorId: { in: ids } },
    select: { actorId: true },
    distinct: ["actorId"],
  });
  return rows.flatMap((row) => (row.actorId ? [row.actorId] : []));
}
