import { publicHandler, readJsonBody } from "@/lib/server/api-handler";
import { signUp } from "@/lib/server/sign-up";

export const POST = publicHandler(async (request) => signUp(await readJsonBody(request)), { status: 201 });
