import "server-only";
import { getDb } from "../../db";

/**
 * The project's audit sequence number now: a page rendered at this point subscribes to the live
 * stream with it, so a change made between rendering and connecting still arrives. Callers have
 * already checked that the reader may see the project; the number says nothing else.
 */
export async function liveCursor(projectId: string): Promise<number> {
  const project = await getDb().project.findUnique({ where: { id: projectId }, select: { auditSeq: true } });
  return project?.auditSeq ?? 0;
}
