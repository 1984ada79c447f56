import { apiHandler } from "@/lib/server/api-handler";
import { searchProject } from "@/lib/server/projects/search-project";

export const GET = apiHandler(async ({ actor, params, request }) => {
  const q = new URL(request.url).searchParams.get("q");
  return searchProject(actor, params.projectId!, q === null ? {} : { q });
});
