import type { Metadata } from "next";
import { Alert } from "@/components/alert";
import { ButtonLink } from "@/components/button";
import { formatDateTime } from "@/components/format";
import { BallotMatrix } from "@/components/decisions/ballot-matrix";
import type { BallotInput } from "@/lib/schemas/decision";
import { DeadlineCountdown } from "@/components/decisions/deadline";
import { voterOptionOrder } from "@/lib/domain/option-order";
import { can } from "@/lib/server/access";
import { getBallot } from "@/lib/server/decisions/get-ballot";
import { getBallotDraft } from "@/lib/server/decisions/get-ballot-draft";
import { decisionPath, loadDecisionPage, orNotFound, resultsVisible } from "../../data";
import { DecisionFrame } from "../../frame";

type Params = { params: Promise<{ projectId: string; decisionId: string }> };

const path = (projectId: string, decisionId: string) => `${decisionPath(projectId, decisionId)}/vote`;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { projectId, decisionId } = await params;
  const { decision } = await loadDecisionPage(projectId, decisionId, path(projectId, decisionId));
  return { title: `Vote on ${decision.key}` };
}

export default async function VotePage({ params }: Params) {
  const { projectId, decisionId } = await params;
  const { actor, decision } = await loadDecisionPage(projectId, decisionId, path(projectId, decisionId));
  const back = decisionPath(projectId, decisionId);

  if (!can(decision.role, "ballot.submit") || decision.status !== "OPEN") {
    const reason = !can(decision.role, "ballot.submit")
      ? { title: "Auditors do not vote", text: "You can follow who has voted, and read every ballot once the vote closes." }
      : decision.status === "DRAFT"
        ? { title: "Voting has not opened yet", text: "An owner or lead opens the vote once the options and criteria are set." }
        : { title: "Voting is closed", text: `This vote closed${decision.closedAt ? ` ${formatDateTime(decision.closedAt)}` : ""}; ballots can no longer change.` };
    return (
      <DecisionFrame decision={decision} current="vote">
        <Alert tone="info" title={reason.title}>
          <p>{reason.text}</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <ButtonLink href={back} variant="secondary" size="sm">
              Back to the decision
            </ButtonLink>
            {decision.status === "CLOSED" ? (
              <ButtonLink href={`${back}/results`} size="sm">
                See the results
              </ButtonLink>
            ) : null}
          </div>
        </Alert>
      </DecisionFrame>
    );
  }

  const [ballot, draft] = await Promise.all([orNotFound(getBallot(actor, decisionId)), orNotFound(getBallotDraft(actor, decisionId))]);
  const initial: BallotInput | null = draft ?? (ballot ? { ...ballot, pairwise: ballot.pairwise?.judgements } : null);
  const totalWeight = decision.criteria.reduce((sum, c) => sum + c.weight, 0);
  const weighingOnly = decision.importancesFirst && !decision.scoringStartedAt;
  // After the importances-first phase, importances already given stay as they were.
  const importancesFixed = decision.importancesFirst && Boolean(decision.scoringStartedAt) && Boolean(ballot?.importances.length);

  return (
    <DecisionFrame
      decision={decision}
      current="vote"
      meta={
        <span className="flex flex-wrap gap-x-4 gap-y-1">
          <span>
            {decision.participation.voted} of {decision.participation.eligible} voted
          </span>
          {decision.deadline ? (
            <span>
              Closes <DeadlineCountdown deadline={decision.deadline.toISOString()} label={formatDateTime(decision.deadline)} />
            </span>
          ) : null}
          {resultsVisible(decision) ? (
            <span>Results are live for everyone</span>
          ) : (
            <span className="hidden sm:inline">Results stay hidden until the vote closes</span>
          )}
        </span>
      }
    >
      <BallotMatrix
        decisionId={decision.id}
        // Each voter gets their own stable order, so no option collects everyone's first-seen advantage.
        options={voterOptionOrder(decision.options, decision.id, actor.userId).map((o) => ({ id: o.id, name: o.name, description: o.description }))}
        criteria={decision.criteria.map((c) => ({
          id: c.id,
          name: c.name,
          description: c.description,
          weightShare: decision.weightMode === "FIXED" && totalWeight > 0 ? c.weight / totalWeight : null,
        }))}
        scale={decision.scale}
        weightMode={decision.weightMode}
        initial={initial}
        origin={draft ? "draft" : ballot ? "ballot" : "empty"}
        submitted={ballot ? { revision: ballot.revision, submittedAt: ballot.submittedAt.toISOString() } : null}
        decisionHref={decisionPath(projectId, decisionId)}
        rules={{ weighingOnly, importancesFixed, rationaleAtExtremes: decision.requireRationaleAtExtremes }}
        fixedImportances={importancesFixed && ballot ? { importances: ballot.importances, pairwise: ballot.pairwise } : null}
      />
    </DecisionFrame>
  );
}
