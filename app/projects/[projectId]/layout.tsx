import type { Metadata } from "next";
import type { ReactNode } from "react";
import { RoleBadge } from "@/components/badge";
import { PageContainer } from "@/components/page";
import { ProjectTabs } from "@/components/project-tabs";
import { can } from "@/lib/server/access";
import { ProjectSearchBox } from "@/components/projects/project-search-box";
import { currentActor } from "../../_lib/session";
import { projectOrNotFound } from "./data";

type Params = { params: Promise<{ projectId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { projectId } = await params;
  const actor = await currentActor();
  if (!actor) return {};
  const project = await projectOrNotFound(actor, projectId);
  return { title: { default: project.name, template: `%s · ${project.name} · Verdict` } };
}

export default async function ProjectLayout({ children, params }: Params & { children: ReactNode }) {
  const { projectId } = await params;
  const actor = await currentActor();
  // Signed out: no frame. The page itself sends them to sign in, with its own path to come back to.
  if (!actor) return children;
  const project = await projectOrNotFound(actor, projectId);
  return (
    <PageContainer>
      {/* Phones get a compact head (no eyebrow, role beside the search) so a page's own content starts on the first screen. */}
      <header className="mb-4 sm:mb-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0 max-w-3xl">
            <p className="mb-1 hidden text-xs font-medium tracking-wide text-fg-subtle uppercase sm:block">Project</p>
            <h1 className="text-xl font-semibold tracking-tight break-words text-fg sm:text-[1.75rem]">
              {project.name}
            </h1>
            {project.description ? (
              // Phones skip the description (the projects list shows it) to leave room for the page itself.
              <p className="mt-2 hidden text-sm whitespace-pre-line text-fg-muted sm:block sm:text-[15px]">
                {project.description}
              </p>
            ) : null}
          </div>
          <div className="flex w-full items-center gap-3 sm:w-auto sm:flex-col sm:items-end">
            <div className="flex shrink-0 items-center gap-2 text-sm text-fg-muted">
              <span className="sr-only sm:not-sr-only">Your role</span>
              <RoleBadge role={project.role} />
            </div>
            <ProjectSearchBox projectId={project.id} />
          </div>
        </div>
      </header>
      <ProjectTabs projectId={project.id} showSettings={can(project.role, "repository.publish")} />
      <div className="pt-4 sm:pt-8">{children}</div>
    </PageContainer>
  );
}
