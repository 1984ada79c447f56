import { expect, it } from "vitest";
import { changeName } from "@/lib/server/account/change-name";
import { getProfile } from "@/lib/server/account/get-profile";
import { makeTeam } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

describeOnEachDatabase("changing one's display name", (db) => {
  it("saves the new name and notes the rename in each of the person's projects, and only there", async () => {
    const team = await makeTeam("Mine");
    const other = await makeTeam("Not theirs");
    await changeName(team.member, { name: "  Dana Example  " });
    expect(await getProfile(team.member)).toMatchObject({ name: "Dana Example" });

    const renamed = await db().prisma.auditEvent.findMany({ where: { action: "member.renamed" } });
    expect(renamed).toHaveLength(1);
    expect(renamed[0]).toMatchObject({
      projectId: team.project.id,
      actorId: team.member.userId,
      entityId: team.member.userId,
      data: { before: { name: "Member" }, after: { name: "Dana Example" } },
    });
    expect(renamed.some((e) => e.projectId === other.project.id)).toBe(false);

    // Saving the same name again writes nothing.
    await changeName(team.member, { name: "Dana Example" });
    expect(await db().prisma.auditEvent.count({ where: { action: "member.renamed" } })).toBe(1);
  });

  it("refuses an empty or overlong name and keeps the old one", async () => {
    const team = await makeTeam();
    await expect(changeName(team.lead, { name: "   " })).rejects.toMatchObject({ code: "unprocessable" });
    await expect(changeName(team.lead, { name: "x".repeat(101) })).rejects.toMatchObject({
      code: "unprocessable",
    });
    expect(await getProfile(team.lead)).toMatchObject({ name: "Lead" });
  });
});
