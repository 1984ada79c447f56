import { redirect } from "next/navigation";
import { currentActor } from "./_lib/session";

export default async function Home() {
  redirect((await currentActor()) ? "/projects" : "/signin");
}
