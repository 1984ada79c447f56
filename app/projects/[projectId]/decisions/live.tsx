// Puts the live-updates bar on a decision's pages (components/live), with where its stream starts.
import { LiveDecision } from "@/components/live/live-decision";
import { sessionActor } from "@/lib/server/actor";
import { liveCursor } from "@/lib/server/events/live-cursor";

export async function LiveDecisionBar({ projectId, decisionId, refresh = true }: { projectId: string; decisionId: string; refresh?: boolean }) {
  const [actor, since] = await Promise.all([sessionActor(), liveCursor(projectId)]);
  if (!actor) return null;
  return <LiveDecision decisionId={decisionId} since={since} currentUserId={actor.userId} refresh={refresh} />;
}
