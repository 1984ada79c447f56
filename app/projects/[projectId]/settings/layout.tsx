import type { ReactNode } from "react";
import { SettingsTabs } from "@/components/settings-tabs";

export default async function ProjectSettingsLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  return (
    <div className="space-y-6">
      <SettingsTabs base={`/projects/${projectId}/settings`} />
      {children}
    </div>
  );
}
