import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { DatabaseUnavailable } from "@/components/database-unavailable";
import { isDatabaseUnavailable } from "@/lib/errors";
import { themeScript } from "@/components/theme-script";
import { signOutAction } from "./actions";
import { sessionProfile } from "./_lib/session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Verdict", template: "%s · Verdict" },
  description: "Decide together on weighted criteria and end with an Architecture Decision Record.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#16161a" },
  ],
};

/** The signed-in user; with the database down, nobody, and the page gives way to the outage notice. */
async function profileOrOutage() {
  try {
    return { user: await sessionProfile(), databaseDown: false };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { user: null, databaseDown: true };
    throw error;
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { user, databaseDown } = await profileOrOutage();
  // Set by proxy.ts; without it the browser's CSP would block the inline theme script.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The theme script changes <html>'s class before hydration; React must keep it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="bg-canvas font-sans text-fg">
        <AppShell user={user} signOutAction={signOutAction}>
          {databaseDown ? <DatabaseUnavailable /> : children}
        </AppShell>
      </body>
    </html>
  );
}
