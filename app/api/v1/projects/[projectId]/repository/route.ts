import { apiHandler } from "@/lib/server/api-handler";
import {
  deleteRepositoryConnection,
  getRepositoryConnection,
  saveRepositoryConnection,
} from "@/lib/server/git/connection";

export const GET = apiHandler(async ({ actor, params }) => getRepositoryConnection(actor, params.projectId!));

export const PUT = apiHandler(async ({ actor, params, body }) =>
  saveRepositoryConnection(actor, params.projectId!, await body()),
);

export const DELETE = apiHandler(async ({ actor, params }) => {
  await deleteRepositoryConnection(actor, params.projectId!);
});
