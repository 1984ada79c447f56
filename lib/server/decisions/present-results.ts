// Who may see which part of a result: the pivotal voters' names are ballot-level information, so they
// go only to those who may read every ballot, and only once the vote has closed.
import "server-only";
import type { DecisionStatus, Role } from "../../generated/prisma/enums";
import { can } from "../access";
import type { FullResult, ResultForRead } from "./compute-results";

export const mayNamePivotalVoters = (status: DecisionStatus, role: Role) => status === "CLOSED" && can(role, "ballots.read_all");

export function resultsForRole<R extends FullResult | ResultForRead>(result: R, role: Role): R {
  if (mayNamePivotalVoters(result.status, role) || !result.pivotalVoters) return result;
  return { ...result, pivotalVoters: { count: result.pivotalVoters.count } };
}
