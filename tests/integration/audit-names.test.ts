import { expect, it } from "vitest";
import { listAuditEvents } from "@/lib/server/audit/list-events";
import { nameAuditIds } from "@/lib/server/audit/name-ids";
import { createOpenDecision } from "../support/decisions";
import { makeTeam } from "../support/factories";
import { describeOnEachDatabase } from "../support/test-db";

describeOnEachDatabase("names for the ids in audit events", () => {
  it("names this project's people, decisions and options, and never another project's", async () => {
    const team = await makeTeam();
    const other = await makeTeam("Other");
    const decision = await createOpenDecision(team.lead, team.project.id);
    const foreign = await createOpenDecision(other.lead, other.project.id);
    const page = await listAuditEvents(team.auditor, team.project.id, { limit: 100 });
    const names = await nameAuditIds(team.auditor, team.project.id, [
      ...page.events,
      // An event that (by mistake or malice) mentions another project's ids gets no names for them.
      {
        entityId: foreign.id,
        data: { decisionId: foreign.id, optionId: foreign.options[0]!.id, owner: other.owner.userId },
      },
    ]);
    expect(names[decision.id]).toBe("D-1: Which framework do we standardize on?");
    expect(names[team.owner.userId]).toBe("Owner");
    expect(names[team.member.userId]).toBe("Member");
    expect(names[foreign.id]).toBeUndefined();
    expect(names[foreign.options[0]!.id]).toBeUndefined();
    expect(names[other.owner.userId]).toBeUndefined();

    const withOption = await nameAuditIds(team.member, team.project.id, [
      { entityId: decision.id, data: { chosenOptionId: decision.options[1]!.id } },
    ]);
    expect(withOption[decision.options[1]!.id]).toBe("TensorFlow");
    await expect(nameAuditIds(team.stranger, team.project.id, page.events)).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
