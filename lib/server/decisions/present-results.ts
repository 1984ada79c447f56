// Who may see which part of a result: the pivotal voters' names are ballot-level information, so they
// go only to those who may read every ballot, and only once the vote has closed.
import "server-only";
import type { Role } from "../../generated/prisma/enums";
import { can } from "../access";
import type { FullResult } from "./compute-results";

export function resultsForRole(result: FullResult, role: Role): FullResult {
  const mayName = result.status === "CLOSED" && can(role, "ballots.read_all");
  if (mayName) return result;
  return { ...result, pivotalVoters: { count: result.pivotalVoters.count } };
}
