// `npm run db:seed` (part of `npm run demo`): the "ML Platform" demo team, written through the same
// server operations the app uses, so every row has its audit event. Safe to run twice.
import { getDb } from "../lib/db";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../lib/demo/seed-demo";

async function main() {
  const outcome = await seedDemo(getDb());
  console.log(outcome === "created" ? "Seeded the demo project “ML Platform”." : "Demo data already present; left as is.");
  console.log("\nDemo sign-ins (password for all: " + DEMO_PASSWORD + ")");
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(8)} ${user.email.padEnd(26)} ${user.name}`);
  console.log("");
}

main()
  .then(() => getDb().$disconnect())
  .catch(async (error) => {
    console.error(error);
    await getDb().$disconnect();
    process.exit(1);
  });
