import type { Metadata } from "next";
import { Alert } from "@/components/alert";
import { ButtonLink } from "@/components/button";
import { DecisionForm } from "@/components/decisions/decision-form";
import { can } from "@/lib/server/access";
import { saveDecisionAction } from "../../actions";
import { decisionPath, loadDecisionPage } from "../../data";
import { DecisionFrame } from "../../frame";

type Params = { params: Promise<{ projectId: string; decisionId: string }> };

const path = (projectId: string, decisionId: string) => `${decisionPath(projectId, decisionId)}/edit`;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { projectId, decisionId } = await params;
  const { decision } = await loadDecisionPage(projectId, decisionId, path(projectId, decisionId));
  return { title: `Edit ${decision.key}` };
}

export default async function EditDecisionPage({ params }: Params) {
  const { projectId, decisionId } = await params;
  const { decision } = await loadDecisionPage(projectId, decisionId, path(projectId, decisionId));
  const back = decisionPath(projectId, decisionId);

  let refusal: string | null = null;
  if (!can(decision.role, "decision.manage")) refusal = "Only the project's owners and leads can change a decision.";
  else if (decision.status !== "DRAFT")
    refusal = `This decision is ${decision.status.toLowerCase()}. Options, criteria, scale and weights can only change while it is a draft.`;

  return (
    <DecisionFrame decision={decision} current={null}>
      <div className="mx-auto max-w-3xl">
        {refusal ? (
          <Alert tone="info" title="This decision cannot be edited">
            <p>{refusal}</p>
            <ButtonLink href={back} variant="secondary" size="sm" className="mt-3">
              Back to the decision
            </ButtonLink>
          </Alert>
        ) : (
          <>
          {decision.supersedesDecisionId ? (
            <Alert tone="info" title="This decision reviews an accepted record" className="mb-6">
              Its options and criteria come from that record&apos;s decision; change them as needed. Once this
              decision&apos;s record is accepted, it supersedes{" "}
              <a href={`/projects/${projectId}/records/${decision.supersedesDecisionId}`} className="font-medium underline underline-offset-2">
                the reviewed record
              </a>
              .
            </Alert>
          ) : null}
          <DecisionForm
            projectId={projectId}
            decisionId={decisionId}
            cancelHref={back}
            action={saveDecisionAction}
            initial={{
              title: decision.title,
              context: decision.context,
              scale: decision.scale,
              weightMode: decision.weightMode,
              revealPolicy: decision.revealPolicy,
              deadline: decision.deadline ? decision.deadline.toISOString() : null,
              options: decision.options.map((o) => ({ id: o.id, name: o.name, description: o.description, link: o.link ?? "" })),
              criteria: decision.criteria.map((c) => ({ id: c.id, name: c.name, description: c.description, weight: c.weight })),
              pairwise: decision.pairwise?.judgements ?? null,
              requireRationaleAtExtremes: decision.requireRationaleAtExtremes,
              importancesFirst: decision.importancesFirst,
              weightBand: decision.weightBand,
            }}
          />
          </>
        )}
      </div>
    </DecisionFrame>
  );
}
