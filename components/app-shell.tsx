// The frame around every page: skip link, top bar (product, navigation, theme, account) and main landmark.
import Link from "next/link";
import type { ReactNode } from "react";
import { Avatar } from "./avatar";
import { InboxBell } from "./notifications/inbox-bell";
import { LogOutIcon, LogoMark } from "./icons";
import { NavLinks, SignInLink } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";

export interface ShellUser {
  name: string;
  email: string;
  /** Unread notifications across all the user's projects, when the page was rendered. */
  unreadCount?: number;
}

export function AppShell({
  user,
  signOutAction,
  children,
}: {
  user: ShellUser | null;
  signOutAction: () => Promise<void>;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main-content"
        className="sr-only z-50 rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-fg focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>
      {/* A page can add its own skip link here (see PageSkipLink), so it is the second Tab stop. */}
      <div id="page-skip-links" />
      <header className="sticky top-0 z-40 border-b border-line bg-surface/85 backdrop-blur supports-[backdrop-filter]:bg-surface/70">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 px-4 sm:px-6">
          <Link
            href={user ? "/home" : "/"}
            className="flex h-14 items-center gap-2.5 text-[15px] font-semibold tracking-tight text-fg"
          >
            <LogoMark className="size-7" />
            Verdict
          </Link>
          {user ? (
            <nav
              aria-label="Main"
              className="order-last -mx-4 w-[calc(100%+2rem)] border-t border-line px-2 sm:order-none sm:mx-0 sm:w-auto sm:border-0 sm:px-0"
            >
              <NavLinks />
            </nav>
          ) : null}
          <div className="ml-auto flex items-center gap-1.5 sm:gap-2">
            <ThemeToggle />
            {user ? (
              <>
                <InboxBell initialCount={user.unreadCount ?? 0} />
                <div className="flex min-w-0 items-center gap-2 pl-1" title={user.email}>
                  <Avatar name={user.name} tone="accent" />
                  <span className="sr-only sm:not-sr-only sm:block sm:max-w-40 sm:truncate sm:text-sm sm:font-medium sm:text-fg">
                    <span className="sr-only">Signed in as </span>
                    {user.name}
                  </span>
                </div>
                <form action={signOutAction}>
                  <button
                    type="submit"
                    className="inline-flex h-9 items-center gap-2 rounded-lg px-2.5 text-sm font-medium text-fg-muted transition-colors hover:bg-surface-muted hover:text-fg"
                  >
                    <LogOutIcon className="size-4" />
                    <span className="sr-only sm:not-sr-only">Sign out</span>
                  </button>
                </form>
              </>
            ) : (
              <SignInLink />
            )}
          </div>
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>
      <footer className="border-t border-line">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-5 text-xs text-fg-subtle sm:px-6">
          <span>Verdict — decide together, keep the record.</span>
          <span>Self-hosted · Every change is audited</span>
        </div>
      </footer>
    </div>
  );
}
