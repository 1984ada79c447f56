import "server-only";
import { readJsonBody } from "../api-handler";

/** A JSON body that may be left out entirely (`{comment?}` calls): none reads as `{}`. */
export async function optionalJsonBody(request: Request): Promise<unknown> {
  const text = await request.clone().text();
  return text.trim() === "" ? {} : readJsonBody(request);
}
