import { apiHandler } from "@/lib/server/api-handler";
import { createProject } from "@/lib/server/projects/create-project";
import { listProjects } from "@/lib/server/projects/list-projects";

export const GET = apiHandler(async ({ actor }) => ({ projects: await listProjects(actor) }));
export const POST = apiHandler(async ({ actor, body }) => createProject(actor, await body()), { status: 201 });
