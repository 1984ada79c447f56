// "What needs me": the open votes the caller has not cast, the proposed records they may review, and
// the latest outcomes — in one project, or across every project they belong to (the home page).
// Every query is limited to the caller's own memberships, so nothing from other projects appears.
import "server-only";
import { getDb } from "../../db";
import type { Role } from "../../generated/prisma/enums";
import type { Actor } from "../actor";
import { can, requirePermission } from "../access";
import { decisionKey } from "../decisions/shape";

const RECENT_OUTCOMES = 5;

export async function listAttention(actor: Actor, scope: { projectId?: string } = {}) {
  if (scope.projectId) await requirePermission(scope.projectId, actor.userId, "project.read");
  const db = getDb();
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId, ...(scope.projectId ? { projectId: scope.projectId } : {}) },
    select: { role: true, project: { select: { id: true, name: true } } },
  });
  const projectName = new Map(memberships.map((m) => [m.project.id, m.project.name]));
  const projectsWhere = (allowed: (role: Role) => boolean) =>
    memberships.filter((m) => allowed(m.role)).map((m) => m.project.id);
  const voterProjects = projectsWhere((role) => can(role, "ballot.submit"));
  const reviewerProjects = projectsWhere((role) => can(role, "record.manage"));
  const allProjects = projectsWhere(() => true);
  const now = new Date();

  const [decisionCount, openVotes, toReview, outcomes] = await Promise.all([
    db.decision.count({ where: { projectId: { in: allProjects } } }),
    db.decision.findMany({
      where: {
        projectId: { in: voterProjects },
        status: "OPEN",
        // A vote past its deadline is about to be closed by the deadline job: not worth asking for.
        OR: [{ deadline: null }, { deadline: { gt: now } }],
        ballots: { none: { voterId: actor.userId } },
      },
      select: { id: true, projectId: true, number: true, title: true, deadline: true, openedAt: true },
      orderBy: [{ deadline: { sort: "asc", nulls: "last" } }, { openedAt: "asc" }],
      take: 20,
    }),
    db.decisionRecord.findMany({
      where: { status: "proposed", decision: { projectId: { in: reviewerProjects } } },
      select: {
        updatedAt: true,
        decision: { select: { id: true, projectId: true, number: true, title: true, closedAt: true } },
      },
      orderBy: { updatedAt: "asc" },
      take: 20,
    }),
    db.decision.findMany({
      where: { projectId: { in: allProjects }, status: "CLOSED" },
      select: {
        id: true,
        projectId: true,
        number: true,
        title: true,
        closedAt: true,
        options: { select: { id: true, name: true } },
        record: { select: { status: true, chosenOptionId: true } },
      },
      orderBy: { closedAt: { sort: "desc", nulls: "last" } },
      take: RECENT_OUTCOMES,
    }),
  ]);

  const project = (id: string) => ({ id, name: projectName.get(id) ?? "" });
  return {
    /** Zero means nothing has started yet: pages show how decisions work instead of empty lists. */
    decisionCount,
    openVotes: openVotes.map((d) => ({
      decisionId: d.id,
      key: decisionKey(d.number),
      title: d.title,
      project: project(d.projectId),
      deadline: d.deadline,
    })),
    recordsToReview: toReview.map((r) => ({
      decisionId: r.decision.id,
      key: decisionKey(r.decision.number),
      title: r.decision.title,
      project: project(r.decision.projectId),
      closedAt: r.decision.closedAt,
    })),
    recentOutcomes: outcomes.map((d) => ({
      decisionId: d.id,
      key: decisionKey(d.number),
      title: d.title,
      project: project(d.projectId),
      closedAt: d.closedAt,
      chosenOption: d.options.find((o) => o.id === d.record?.chosenOptionId)?.name ?? null,
      recordStatus: d.record?.status ?? null,
    })),
  };
}

export type Attention = Awaited<ReturnType<typeof listAttention>>;
