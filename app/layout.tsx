import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
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

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await sessionProfile();
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
          {children}
        </AppShell>
      </body>
    </html>
  );
}
