import type { Metadata } from "next";
import { Avatar } from "@/components/avatar";
import { ROLE_LABEL, RoleBadge } from "@/components/badge";
import { Card, CardBody, CardHeader } from "@/components/card";
import { formatDate, formatDateTime, pluralize } from "@/components/format";
import { can } from "@/lib/server/access";
import { listPendingInvites } from "@/lib/server/members/list-invites";
import { loadProject } from "../data";
import { changeRoleAction, createInviteAction, removeMemberAction, revokeInviteAction } from "./actions";
import { InviteForm } from "./invite-form";
import { RevokeInviteButton } from "./revoke-invite-button";
import { MemberRoleForm } from "./member-role-form";
import { RemoveMemberButton } from "./remove-member-button";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { actor, project } = await loadProject(projectId, `/projects/${projectId}/members`);
  // Owners get write controls; everyone else a read-only table. The server checks again on every action.
  const isOwner = can(project.role, "members.manage");
  const invites = isOwner ? await listPendingInvites(actor, project.id) : [];

  return (
    <div className="space-y-6">
      {isOwner ? (
        <Card as="section">
          <CardHeader
            title="Invite people"
            description="Create one-time links for the role they need. Each person signs in or creates an account, then accepts."
          />
          <CardBody>
            <InviteForm action={createInviteAction.bind(null, project.id)} />
          </CardBody>
        </Card>
      ) : null}

      {isOwner ? (
        <section aria-labelledby="pending-invites-heading">
          <Card>
            <CardHeader
              id="pending-invites-heading"
              title="Pending invites"
              description={
                invites.length === 0
                  ? "No links are waiting to be used. Used, revoked and expired links drop off this list."
                  : `${pluralize(invites.length, "link")} not used yet. Revoke any you no longer want to work.`
              }
            />
            {invites.length > 0 ? (
              <ul className="divide-y divide-line">
                {invites.map((invite) => {
                  const description = `${ROLE_LABEL[invite.role]} invite${invite.label ? ` for ${invite.label}` : ""}`;
                  return (
                    <li
                      key={invite.id}
                      className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-5"
                    >
                      <div className="min-w-0 flex-1">
                        <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-fg">
                          <span className="break-all">{invite.label || "Unlabelled link"}</span>
                          <RoleBadge role={invite.role} />
                        </p>
                        <p className="mt-0.5 text-xs text-fg-muted">
                          Created by {invite.createdBy.name} on {formatDate(invite.createdAt)} · expires{" "}
                          <time dateTime={invite.expiresAt.toISOString()}>
                            {formatDateTime(invite.expiresAt)}
                          </time>
                        </p>
                      </div>
                      <RevokeInviteButton
                        action={revokeInviteAction.bind(null, project.id, invite.id)}
                        description={description}
                      />
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </Card>
        </section>
      ) : null}

      <Card as="section">
        <CardHeader
          id="members-heading"
          title="Members"
          description={
            isOwner
              ? `${pluralize(project.members.length, "person", "people")}. A project always keeps at least one owner.`
              : `${pluralize(project.members.length, "person", "people")}. Only owners can invite people or change roles.`
          }
        />
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm" aria-labelledby="members-heading">
            <thead className="border-b border-line bg-surface-muted/60 text-xs text-fg-muted">
              <tr>
                <th scope="col" className={cell("py-2.5 font-medium")}>
                  Name
                </th>
                <th scope="col" className={cell("py-2.5 hidden font-medium md:table-cell")}>
                  Email
                </th>
                <th scope="col" className={cell("py-2.5 font-medium")}>
                  Role
                </th>
                <th scope="col" className={cell("py-2.5 hidden font-medium sm:table-cell")}>
                  Joined
                </th>
                {isOwner ? (
                  <th scope="col" className={cell("py-2.5 hidden text-right font-medium sm:table-cell")}>
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {project.members.map((member) => {
                const isSelf = member.userId === actor.userId;
                const removeButton = isOwner ? (
                  <RemoveMemberButton
                    action={removeMemberAction.bind(null, project.id, member.userId)}
                    memberName={member.name}
                    isSelf={isSelf}
                  />
                ) : null;
                return (
                  <tr key={member.userId} className="align-middle">
                    <td className={cell("py-3")}>
                      <div className="flex items-center gap-3">
                        <Avatar name={member.name} tone={isSelf ? "accent" : "muted"} />
                        <div className="min-w-0">
                          <div className="font-medium text-fg sm:whitespace-nowrap">
                            {member.name}
                            {isSelf ? (
                              <span className="ml-1.5 text-xs font-normal whitespace-nowrap text-fg-subtle">
                                (you)
                              </span>
                            ) : null}
                          </div>
                          <div className="text-xs break-all text-fg-muted md:hidden">{member.email}</div>
                        </div>
                      </div>
                    </td>
                    <td className={cell("hidden py-3 whitespace-nowrap text-fg-muted md:table-cell")}>
                      {member.email}
                    </td>
                    <td className={cell("py-3")}>
                      {isOwner ? (
                        <div className="space-y-1">
                          <MemberRoleForm
                            key={`${member.userId}:${member.role}`}
                            action={changeRoleAction.bind(null, project.id, member.userId)}
                            memberName={member.name}
                            role={member.role}
                            controlId={`role-${member.userId}`}
                          />
                          {/* Narrow screens have no actions column: removing sits under the role. */}
                          <div className="-ml-3 sm:hidden">{removeButton}</div>
                        </div>
                      ) : (
                        <RoleBadge role={member.role} />
                      )}
                    </td>
                    <td className={cell("hidden py-3 whitespace-nowrap text-fg-muted sm:table-cell")}>
                      <time dateTime={member.joinedAt.toISOString()}>{formatDate(member.joinedAt)}</time>
                    </td>
                    {isOwner ? (
                      <td className={cell("hidden py-3 text-right sm:table-cell")}>{removeButton}</td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}

/** Table cell padding: tighter on phones. */
const cell = (extra: string) => `px-4 sm:px-5 ${extra}`;
