import { BackLink } from "@/components/back-link";
import type { Metadata } from "next";
import { Alert } from "@/components/alert";
import { NarrativeEditor } from "@/components/records/narrative-editor";
import { RecordStatusBadge } from "@/components/records/record-status";
import { renderMarkdown, splitFrontMatter } from "@/lib/render-markdown";
import { can } from "@/lib/server/access";
import { getRecordEditor } from "@/lib/server/records/editor-data";
import { loadProject } from "../../../data";
import { previewNarrativeAction, saveNarrativeAction } from "../../actions";
import { loadRecordPage, orNotFound, recordPath } from "../../data";

type Props = { params: Promise<{ projectId: string; decisionId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { projectId, decisionId } = await params;
  const { record } = await loadRecordPage(projectId, decisionId, `${recordPath(projectId, decisionId)}/edit`);
  return { title: `Edit ${record.key}` };
}

export default async function EditRecordPage({ params }: Props) {
  const { projectId, decisionId } = await params;
  const base = recordPath(projectId, decisionId);
  const { actor, record } = await loadRecordPage(projectId, decisionId, `${base}/edit`);
  const { project } = await loadProject(projectId, `${base}/edit`);

  const back = (
    <BackLink href={base}>Back to {record.key}</BackLink>
  );
  const refusal = !can(project.role, "record.manage")
    ? "Only the project's owners and leads can edit a decision record. You can read it and its versions."
    : record.historical
      ? "This record was imported: its text is kept exactly as it was written. A lead can still change its status."
      : record.status !== "proposed"
        ? `This record is ${record.status}. Only a proposed record's narrative can be edited; an accepted record's text never changes.`
        : null;
  if (refusal) {
    return (
      <div className="space-y-4">
        {back}
        <Alert tone="info" title="This record cannot be edited">
          {refusal}
        </Alert>
      </div>
    );
  }

  const editor = await orNotFound(getRecordEditor(actor, decisionId));
  const narrative = record.versions[record.versions.length - 1]!.narrative;
  const names = new Map(editor.options.map((o) => [o.id, o.name]));
  const winners = editor.winnerOptionIds.map((id) => `“${names.get(id) ?? "?"}”`);
  const undecidedReason = editor.clearWinnerId
    ? null
    : editor.flags.includes("tie")
      ? `The vote ended in a tie between ${winners.join(" and ")}.`
      : editor.flags.includes("contested")
        ? "The result is contested: the weighted totals and the voters' own rankings put different options first."
        : "No ballot scored any option.";

  return (
    <div className="space-y-6">
      <header className="space-y-3">
        {back}
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-mono text-sm font-medium text-fg-subtle">{record.key}</span>
          <RecordStatusBadge status={record.status} />
        </div>
        <h2 className="text-xl font-semibold tracking-tight break-words text-fg sm:text-2xl">
          Edit the narrative
        </h2>
        <p className="max-w-3xl text-sm text-fg-muted">
          The vote&apos;s evidence (drivers, options, result tables, rationales) is generated and cannot be
          edited; the parts below are yours. Each save becomes version {record.versions.length + 1}, with your
          name and the changed fields in the audit log.
        </p>
      </header>
      <NarrativeEditor
        initial={narrative}
        initialTitle={record.title}
        options={editor.options}
        clearWinnerName={editor.clearWinnerId ? (names.get(editor.clearWinnerId) ?? null) : null}
        undecidedReason={undecidedReason}
        initialPreview={renderMarkdown(splitFrontMatter(record.markdown).body, { headingOffset: 1 })}
        cancelHref={base}
        saveAction={saveNarrativeAction.bind(null, projectId, decisionId)}
        previewAction={previewNarrativeAction.bind(null, projectId, decisionId)}
      />
    </div>
  );
}
