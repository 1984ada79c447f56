import { apiHandler } from "@/lib/server/api-handler";
import { getProject } from "@/lib/server/projects/get-project";

export const GET = apiHandler(async ({ actor, params }) => getProject(actor, params.projectId!));
