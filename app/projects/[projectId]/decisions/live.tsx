// Puts the live-updates bar on a decision's pages and the audit log (components/live), with where its stream starts.
import { LiveDecision } from "@/components/live/live-decision";
import { sessionActor } from "@/lib/server/actor";
import { liveCursor } from "@/lib/server/events/live-cursor";

export async function LiveDecisionBar({
  projectId,
  decisionId,
  refresh = true,
}: {
  projectId: string;
  decisionId: string;
  refresh?: boolean;
}) {
  const [actor, since] = await Promise.all([sessionActor(), liveCursor(projectId)]);
  if (!actor) return null;
  return (
    <LiveDecision
      streamPath={`/api/v1/decisions/${decisionId}/events`}
      since={since}
      currentUserId={actor.userId}
      refresh={refresh}
    />
  );
}

/** The project's audit log as it grows; older pages show the activity without re-rendering. */
export async function LiveProjectBar({ projectId, refresh }: { projectId: string; refresh: boolean }) {
  const [actor, since] = await Promise.all([sessionActor(), liveCursor(projectId)]);
  if (!actor) return null;
  return (
    <LiveDecision
      streamPath={`/api/v1/projects/${projectId}/events`}
      since={since}
      currentUserId={actor.userId}
      refresh={refresh}
      presence={false}
    />
  );
}
