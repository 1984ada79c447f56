import type { Metadata } from "next";
import { Alert } from "@/components/alert";
import { ButtonLink } from "@/components/button";
import { DecisionForm, type DecisionFormValues } from "@/components/decisions/decision-form";
import { can } from "@/lib/server/access";
import { loadProject } from "../../data";
import { saveDecisionAction } from "../actions";

export const metadata: Metadata = { title: "New decision" };

const BLANK: DecisionFormValues = {
  title: "",
  context: "",
  scale: { min: 0, max: 10 },
  weightMode: "FIXED",
  revealPolicy: "AFTER_CLOSE",
  deadline: null,
  options: [
    { name: "", description: "", link: "" },
    { name: "", description: "", link: "" },
  ],
  criteria: [{ name: "", description: "", weight: 1 }],
};

export default async function NewDecisionPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project } = await loadProject(projectId, `/projects/${projectId}/decisions/new`);
  const back = `/projects/${projectId}/decisions`;
  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-6">
        <h2 className="text-xl font-semibold tracking-tight text-fg">New decision</h2>
        <p className="mt-1 text-sm text-fg-muted">
          It starts as a draft: nobody votes until you open it, and everything can still change until then.
        </p>
      </div>
      {can(project.role, "decision.manage") ? (
        <DecisionForm projectId={projectId} decisionId={null} initial={BLANK} cancelHref={back} action={saveDecisionAction} />
      ) : (
        <Alert tone="info" title="Only owners and leads create decisions">
          <p>Ask an owner or a lead of {project.name} to set up the decision; you can vote once it opens.</p>
          <ButtonLink href={back} variant="secondary" size="sm" className="mt-3">
            Back to decisions
          </ButtonLink>
        </Alert>
      )}
    </div>
  );
}
