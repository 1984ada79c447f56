import { checkHealth } from "@/lib/server/health";
import { publicHandler } from "@/lib/server/api-handler";

export const dynamic = "force-dynamic";
export const GET = publicHandler(() => checkHealth());
