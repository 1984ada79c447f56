import Link from "next/link";
import { ROLE_LABEL, ROLE_SUMMARY, RoleBadge } from "@/components/badge";
import { Card, CardBody, CardHeader } from "@/components/card";
import { formatDate, pluralize } from "@/components/format";
import { CheckIcon } from "@/components/icons";
import { AttentionLists } from "@/components/projects/attention-lists";
import { HowDecisionsWork } from "@/components/projects/how-decisions-work";
import { Avatar } from "@/components/avatar";
import { can, type Permission } from "@/lib/server/access";
import { ReviewsDueCallout } from "@/components/records/review-due";
import { listReviewsDue } from "@/lib/server/records/list-reviews-due";
import { listAttention } from "@/lib/server/projects/list-attention";
import { loadProject } from "./data";

const ABILITIES: { permission: Permission; label: string }[] = [
  { permission: "ballot.submit", label: "Vote on open decisions" },
  { permission: "decision.manage", label: "Create decisions, open and close votes" },
  { permission: "record.manage", label: "Edit, accept and reject decision records" },
  { permission: "ballots.read_all", label: "Read every ballot once a vote closes" },
  { permission: "audit.read", label: "Read and verify the audit log" },
  { permission: "members.manage", label: "Invite people and change roles" },
];

export default async function ProjectOverviewPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { actor, project } = await loadProject(projectId);
  const base = `/projects/${project.id}`;
  const owners = project.members.filter((m) => m.role === "OWNER").length;

  const manages = can(project.role, "decision.manage");
  const [dueReviews, attention] = await Promise.all([
    can(project.role, "record.manage") ? listReviewsDue(actor, projectId) : [],
    listAttention(actor, { projectId: project.id }),
  ]);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="space-y-6">
        <ReviewsDueCallout
          reviews={dueReviews.map((r) => ({ ...r, href: `${base}/records/${r.decisionId}` }))}
        />
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
          <Stat label="Members" value={String(project.members.length)} detail={pluralize(owners, "owner")} />
          <Stat label="Your role" value={ROLE_LABEL[project.role]} detail="in this project" />
          <Stat
            label="Created"
            value={formatDate(project.createdAt)}
            detail="project start"
            className="col-span-2 sm:col-span-1"
          />
        </dl>

        {attention.decisionCount > 0 ? (
          <AttentionLists
            data={attention}
            canVote={can(project.role, "ballot.submit")}
            canReview={can(project.role, "record.manage")}
            showProject={false}
          />
        ) : (
          <HowDecisionsWork newDecisionHref={manages ? `${base}/decisions/new` : null} />
        )}
      </div>

      <div className="space-y-6">
        <Card as="section">
          <CardHeader title="What you can do" description={ROLE_SUMMARY[project.role]} />
          <CardBody>
            <ul className="space-y-2.5 text-sm">
              {ABILITIES.map(({ permission, label }) => {
                const allowed = can(project.role, permission);
                return (
                  <li
                    key={permission}
                    className={`flex items-start gap-2.5 ${allowed ? "text-fg" : "text-fg-subtle line-through decoration-fg-subtle/40"}`}
                  >
                    {allowed ? (
                      <CheckIcon className="mt-0.5 size-4 shrink-0 text-success-text" />
                    ) : (
                      <span
                        aria-hidden="true"
                        className="mt-0.5 inline-block size-4 shrink-0 text-center leading-4"
                      >
                        –
                      </span>
                    )}
                    <span>
                      <span className="sr-only">{allowed ? "Allowed: " : "Not allowed: "}</span>
                      {label}
                    </span>
                  </li>
                );
              })}
            </ul>
          </CardBody>
        </Card>

        <Card as="section">
          <CardHeader
            title="People"
            action={
              <Link
                href={`${base}/members`}
                className="text-sm font-medium text-accent-text hover:underline hover:underline-offset-4"
              >
                {can(project.role, "members.manage") ? "Manage people" : "See everyone"}
              </Link>
            }
          />
          <ul className="divide-y divide-line">
            {project.members.slice(0, 6).map((member) => (
              <li key={member.userId} className="flex items-center gap-3 px-5 py-3">
                <Avatar name={member.name} />
                <span className="min-w-0 flex-1 truncate text-sm text-fg">{member.name}</span>
                <RoleBadge role={member.role} />
              </li>
            ))}
          </ul>
          {project.members.length > 6 ? (
            <p className="border-t border-line px-5 py-3 text-xs text-fg-muted">
              and {pluralize(project.members.length - 6, "more member")}
            </p>
          ) : null}
        </Card>
      </div>
    </div>
  );
}

function Stat({
  label,
  value,
  detail,
  className = "",
}: {
  label: string;
  value: string;
  detail?: string;
  className?: string;
}) {
  return (
    <div className={`rounded-xl border border-line bg-surface p-4 shadow-xs ${className}`}>
      <dt className="text-xs font-medium tracking-wide text-fg-subtle uppercase">{label}</dt>
      <dd className="mt-1.5 text-lg font-semibold text-fg">{value}</dd>
      {detail ? <dd className="text-xs text-fg-muted">{detail}</dd> : null}
    </div>
  );
}
