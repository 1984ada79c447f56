import { checkHealth } from "@/lib/server/health";
import { publicHandler } from "@/lib/server/api-handler";

export const dynamic = "force-dynamic";
export const GET = publicHandler(async () => {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
});
