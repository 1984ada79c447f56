// Reads for the project pages (not server actions): the caller and the project, once per request.
import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/actor";
import { listAuditEvents } from "@/lib/server/audit/list-events";
import { nameAuditIds } from "@/lib/server/audit/name-ids";
import { getProject } from "@/lib/server/projects/get-project";
import { requireActor } from "../../_lib/session";

/** A non-member gets the same 404 page as for an unknown id: never a hint that the project exists. */
export const projectOrNotFound = cache(async (actor: Actor, projectId: string) => {
  try {
    return await getProject(actor, projectId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});

/**
 * The signed-in caller and the project they are a member of. Signed-out visitors go to sign in and
 * come back to `callbackPath`: pass the page's own path so a shared link survives signing in.
 */
export async function loadProject(projectId: string, callbackPath = `/projects/${projectId}`) {
  const actor = await requireActor(callbackPath);
  return { actor, project: await projectOrNotFound(actor, projectId) };
}

/** One entity's latest audit events, newest first, for the History section of the page showing it. */
export async function loadEntityHistory(
  actor: Actor,
  projectId: string,
  entity: { entityType: string; entityId: string },
  limit = 50,
) {
  try {
    const page = await listAuditEvents(actor, projectId, { ...entity, order: "desc", limit });
    return { ...page, names: await nameAuditIds(actor, projectId, page.events) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
