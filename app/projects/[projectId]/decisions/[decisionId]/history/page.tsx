import type { Metadata } from "next";
import { EntityHistory } from "@/components/audit/entity-history";
import { loadEntityHistory } from "../../../data";
import { decisionPath, loadDecisionPage } from "../../data";
import { DecisionFrame } from "../../frame";

type Params = { params: Promise<{ projectId: string; decisionId: string }> };

const path = (projectId: string, decisionId: string) => `${decisionPath(projectId, decisionId)}/history`;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { projectId, decisionId } = await params;
  const { decision } = await loadDecisionPage(projectId, decisionId, path(projectId, decisionId));
  return { title: `History of ${decision.key}` };
}

/** The decision's own audit events: created, edited, opened, closed, reopened. */
export default async function DecisionHistoryPage({ params }: Params) {
  const { projectId, decisionId } = await params;
  const { actor, decision } = await loadDecisionPage(projectId, decisionId, path(projectId, decisionId));
  const entity = { entityType: "decision", entityId: decisionId };
  const history = await loadEntityHistory(actor, projectId, entity);
  return (
    <DecisionFrame decision={decision} current="history">
      <EntityHistory projectId={projectId} {...entity} page={history} />
    </DecisionFrame>
  );
}
