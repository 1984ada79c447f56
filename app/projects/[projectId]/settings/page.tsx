import { redirect } from "next/navigation";

// Settings has one section so far: its webhooks.
export default async function SettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  redirect(`/projects/${projectId}/settings/webhooks`);
}
