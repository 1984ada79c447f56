import { publicHandler, readJsonBody } from "@/lib/server/api-handler";
import { clientAddress } from "@/lib/server/client-address";
import { signUp } from "@/lib/server/sign-up";

export const POST = publicHandler(
  async (request) => signUp(await readJsonBody(request), { client: clientAddress(request.headers) }),
  { status: 201 },
);
