// Small builders that create real rows through the server layer, as a user would.
import crypto from "node:crypto";
import type { Actor } from "@/lib/server/actor";
import { signUp } from "@/lib/server/sign-up";
import { createProject } from "@/lib/server/projects/create-project";
import { acceptInvite } from "@/lib/server/members/accept-invite";
import { createInvite } from "@/lib/server/members/create-invite";
import type { RoleName } from "@/lib/schemas/project";

export async function makeUser(name = "User"): Promise<Actor & { email: string; name: string }> {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${crypto.randomBytes(4).toString("hex")}@example.test`;
  const user = await signUp({ email, password: "correct horse battery", name });
  return { userId: user.id, via: "session", email, name };
}

/** A project with one member per role, plus a stranger who belongs to none. */
export async function makeTeam(projectName = "ML Platform") {
  const owner = await makeUser("Owner");
  const project = await createProject(owner, { name: projectName });
  const addMember = async (role: RoleName, name: string) => {
    const user = await makeUser(name);
    const invite = await createInvite(owner, project.id, { role });
    await acceptInvite(user, invite.token);
    return user;
  };
  const lead = await addMember("LEAD", "Lead");
  const member = await addMember("MEMBER", "Member");
  const auditor = await addMember("AUDITOR", "Auditor");
  const stranger = await makeUser("Stranger");
  return { project, owner, lead, member, auditor, stranger };
}
