// The decision header with the tabs this caller can use (the server still checks every read).
import type { ReactNode } from "react";
import { DecisionHeader, type DecisionTab, type DecisionTabLink } from "@/components/decisions/decision-header";
import { can } from "@/lib/server/access";
import { decisionPath, resultsVisible, type DecisionView } from "./data";
import { LiveDecisionBar } from "./live";

export function decisionTabs(decision: DecisionView): DecisionTabLink[] {
  const base = decisionPath(decision.projectId, decision.id);
  const tabs: DecisionTabLink[] = [{ tab: "overview", label: "Overview", href: base }];
  if (decision.status === "OPEN" && can(decision.role, "ballot.submit")) {
    tabs.push({ tab: "vote", label: "Your ballot", href: `${base}/vote` });
  }
  if (resultsVisible(decision)) tabs.push({ tab: "results", label: "Results", href: `${base}/results` });
  if (decision.status === "CLOSED") {
    tabs.push({ tab: "ballots", label: can(decision.role, "ballots.read_all") ? "Ballots" : "Your ballot", href: `${base}/ballots` });
  }
  tabs.push({ tab: "history", label: "History", href: `${base}/history` });
  return tabs;
}

export function DecisionFrame({
  decision,
  current,
  actions,
  meta,
  children,
}: {
  decision: DecisionView;
  current: DecisionTab | null;
  actions?: ReactNode;
  meta?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div>
      <DecisionHeader
        decisionKey={decision.key}
        title={decision.title}
        status={decision.status}
        backHref={`/projects/${decision.projectId}/decisions`}
        tabs={decisionTabs(decision)}
        current={current}
        actions={actions}
        meta={meta}
      />
      {/* The ballot page keeps its own unsaved state: it shows presence but is not re-rendered. */}
      <LiveDecisionBar projectId={decision.projectId} decisionId={decision.id} refresh={current !== "vote"} />
      {children}
    </div>
  );
}
