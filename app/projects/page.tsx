import type { Metadata } from "next";
import Link from "next/link";
import { RoleBadge } from "@/components/badge";
import { Card, CardBody, CardHeader } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { formatDate, pluralize } from "@/components/format";
import { ArrowRightIcon, ScaleIcon, UsersIcon } from "@/components/icons";
import { PageContainer, PageHeader } from "@/components/page";
import { listProjects } from "@/lib/server/projects/list-projects";
import { requireActor } from "../_lib/session";
import { CreateProjectForm } from "./create-project-form";

export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage() {
  const actor = await requireActor("/projects");
  const projects = await listProjects(actor);

  if (projects.length === 0) {
    return (
      <PageContainer width="narrow">
        <PageHeader
          title="Projects"
          description="A project is a team space: its members, their decisions and the records those decisions end in."
        />
        <EmptyState icon={<ScaleIcon />} title="Create your first project">
          <p>
            Start a space for your team, invite people with the role they need, and make your first decision
            together. You will be its owner.
          </p>
          <div className="mt-6">
            <CreateProjectForm autoFocus />
          </div>
        </EmptyState>
      </PageContainer>
    );
  }

  return (
    <PageContainer>
      <PageHeader
        title="Projects"
        description="Team spaces you belong to. Your role in each decides what you can do there."
      />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby="your-projects">
          <h2 id="your-projects" className="sr-only">
            Your projects
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2">
            {projects.map((project) => (
              <li key={project.id}>
                <article className="group relative flex h-full flex-col rounded-xl border border-line bg-surface p-5 shadow-xs transition hover:border-line-strong hover:shadow-sm focus-within:border-accent">
                  <div className="flex items-start justify-between gap-3">
                    <h3 className="min-w-0 text-base font-semibold text-fg">
                      <Link
                        href={`/projects/${project.id}`}
                        className="break-words outline-none after:absolute after:inset-0 after:rounded-xl focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-ring"
                      >
                        {project.name}
                      </Link>
                    </h3>
                    <RoleBadge role={project.role} />
                  </div>
                  <p className="mt-2 line-clamp-2 flex-1 text-sm text-fg-muted">
                    {project.description || <span className="italic text-fg-subtle">No description</span>}
                  </p>
                  <dl className="mt-5 flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-line pt-4 text-xs text-fg-muted">
                    <div className="flex items-center gap-1.5">
                      <UsersIcon className="size-3.5" />
                      <dt className="sr-only">Members</dt>
                      <dd>{pluralize(project.memberCount, "member")}</dd>
                    </div>
                    <div className="flex items-center gap-1.5">
                      <ScaleIcon className="size-3.5" />
                      <dt className="sr-only">Decisions</dt>
                      <dd>{pluralize(project.decisionCount, "decision")}</dd>
                    </div>
                    <div className="ml-auto flex items-center gap-1 text-fg-subtle">
                      <dt className="sr-only">Created</dt>
                      <dd>{formatDate(project.createdAt)}</dd>
                      <ArrowRightIcon className="size-3.5 transition-transform group-hover:translate-x-0.5" />
                    </div>
                  </dl>
                </article>
              </li>
            ))}
          </ul>
        </section>
        <aside aria-labelledby="new-project" className="lg:sticky lg:top-24 lg:self-start">
          <Card>
            <CardHeader
              id="new-project"
              title="New project"
              description="You become its owner and can invite others."
            />
            <CardBody>
              <CreateProjectForm />
            </CardBody>
          </Card>
        </aside>
      </div>
    </PageContainer>
  );
}
