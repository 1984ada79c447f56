import type { Metadata } from "next";
import { Alert } from "@/components/alert";
import { ButtonLink } from "@/components/button";
import { EmptyState } from "@/components/empty-state";
import { FileTextIcon } from "@/components/icons";
import { BallotTable } from "@/components/decisions/ballot-table";
import { can } from "@/lib/server/access";
import { listBallots } from "@/lib/server/decisions/list-ballots";
import { decisionPath, loadDecisionPage, orNotFound } from "../../data";
import { DecisionFrame } from "../../frame";

type Params = { params: Promise<{ projectId: string; decisionId: string }> };

const path = (projectId: string, decisionId: string) => `${decisionPath(projectId, decisionId)}/ballots`;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { projectId, decisionId } = await params;
  const { decision } = await loadDecisionPage(projectId, decisionId, path(projectId, decisionId));
  return { title: `Ballots of ${decision.key}` };
}

export default async function BallotsPage({ params }: Params) {
  const { projectId, decisionId } = await params;
  const { actor, decision } = await loadDecisionPage(projectId, decisionId, path(projectId, decisionId));
  const back = decisionPath(projectId, decisionId);
  const readsAll = can(decision.role, "ballots.read_all") && decision.status === "CLOSED";
  // The server returns every ballot only to owners, leads and auditors after close; others get their own.
  const ballots = decision.status === "DRAFT" ? [] : await orNotFound(listBallots(actor, decisionId));
  const nonVoters = decision.participation.voters.filter((v) => !v.voted);

  return (
    <DecisionFrame decision={decision} current="ballots">
      <div className="space-y-6">
        {decision.status !== "CLOSED" ? (
          <Alert tone="info" title="Ballots stay private while voting is open">
            {decision.status === "OPEN" ? "Everyone's ballots are shown here once the vote closes. Until then you see only your own." : "Voting has not opened yet."}
          </Alert>
        ) : readsAll ? (
          <p className="text-sm text-fg-muted">
            Every submitted ballot, as the voter last revised it.{" "}
            {nonVoters.length ? `Did not vote: ${nonVoters.map((v) => v.name).join(", ")}.` : "Every eligible member voted."}
          </p>
        ) : (
          <p className="text-sm text-fg-muted">Your own ballot. Owners, leads and auditors can read every ballot after close.</p>
        )}

        {ballots.length === 0 ? (
          <EmptyState
            icon={<FileTextIcon />}
            title={readsAll ? "No ballots were submitted" : "You did not submit a ballot"}
            action={
              <div className="flex justify-center">
                <ButtonLink href={back} variant="secondary">
                  Back to the decision
                </ButtonLink>
              </div>
            }
          />
        ) : (
          ballots.map((ballot) => (
            <BallotTable
              key={ballot.id}
              ballot={ballot}
              options={decision.options}
              criteria={decision.criteria}
              scale={decision.scale}
              weightMode={decision.weightMode}
              isOwn={ballot.voter.id === actor.userId}
            />
          ))
        )}
      </div>
    </DecisionFrame>
  );
}
