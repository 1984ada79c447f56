import type { Metadata } from "next";
import Link from "next/link";
import { RoleBadge } from "@/components/badge";
import { ButtonLink } from "@/components/button";
import { Card, CardHeader } from "@/components/card";
import { EmptyState } from "@/components/empty-state";
import { ScaleIcon } from "@/components/icons";
import { PageContainer, PageHeader } from "@/components/page";
import { AttentionLists } from "@/components/projects/attention-lists";
import { can } from "@/lib/server/access";
import { listAttention } from "@/lib/server/projects/list-attention";
import { listProjects } from "@/lib/server/projects/list-projects";
import { requireActor } from "../_lib/session";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const actor = await requireActor("/home");
  const [projects, attention] = await Promise.all([listProjects(actor), listAttention(actor)]);

  if (projects.length === 0) {
    return (
      <PageContainer width="narrow">
        <PageHeader title="Home" description="What needs you across your projects." />
        <EmptyState
          icon={<ScaleIcon />}
          title="You are not in any project yet"
          action={<ButtonLink href="/projects">Create a project</ButtonLink>}
        >
          Create a project for your team, or open an invite link an owner sent you.
        </EmptyState>
      </PageContainer>
    );
  }

  return (
    <PageContainer>
      <PageHeader
        title="Home"
        description="What needs you across your projects: votes to cast, records to review, what was decided."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <AttentionLists
          data={attention}
          canVote={projects.some((p) => can(p.role, "ballot.submit"))}
          canReview={projects.some((p) => can(p.role, "record.manage"))}
          showProject
        />
        <aside aria-labelledby="home-projects" className="lg:self-start">
          <Card as="section">
            <CardHeader
              id="home-projects"
              title="Your projects"
              action={
                <Link
                  href="/projects"
                  className="text-sm font-medium text-accent-text hover:underline hover:underline-offset-4"
                >
                  All projects
                </Link>
              }
            />
            <ul className="divide-y divide-line">
              {projects.map((project) => (
                <li key={project.id} className="flex items-center gap-3 px-5 py-3">
                  <Link
                    href={`/projects/${project.id}`}
                    className="min-w-0 flex-1 truncate text-sm font-medium text-fg hover:underline hover:underline-offset-4"
                  >
                    {project.name}
                  </Link>
                  <RoleBadge role={project.role} />
                </li>
              ))}
            </ul>
          </Card>
        </aside>
      </div>
    </PageContainer>
  );
}
