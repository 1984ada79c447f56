import { redirect } from "next/navigation";

// Settings open on their first section; the layout's tabs lead to the others.
export default async function SettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  redirect(`/projects/${projectId}/settings/git`);
}
