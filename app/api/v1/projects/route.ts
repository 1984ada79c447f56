import { apiHandler } from "@/lib/server/api-handler";
import { createProject, listProjects } from "@/lib/server/projects";

export const GET = apiHandler(async ({ actor }) => ({ projects: await listProjects(actor) }));
export const POST = apiHandler(async ({ actor, body }) => createProject(actor, await body()), { status: 201 });
