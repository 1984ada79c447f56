// Loads a decision's discussion for the page and renders it with components/discussion.
import { DiscussionThread } from "@/components/discussion/discussion-thread";
import { renderMarkdown } from "@/lib/render-markdown";
import { can } from "@/lib/server/access";
import type { Actor } from "@/lib/server/actor";
import { listComments } from "@/lib/server/comments/list-comments";
import type { DecisionView } from "../data";

export async function DecisionDiscussion({ actor, decision }: { actor: Actor; decision: DecisionView }) {
  const { comments } = await listComments(actor, decision.id);
  return (
    <DiscussionThread
      decisionId={decision.id}
      comments={comments.map((comment) => ({ ...comment, html: renderMarkdown(comment.body, { headingOffset: 3 }) }))}
      options={decision.options.map((o) => ({ id: o.id, name: o.name }))}
      criteria={decision.criteria.map((c) => ({ id: c.id, name: c.name }))}
      currentUserId={actor.userId}
      canPost={can(decision.role, "discussion.post")}
      canModerate={can(decision.role, "decision.manage")}
    />
  );
}
