"use client";
// Top-level navigation links; the current section is marked for sighted and screen-reader users alike.
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/home", label: "Home" },
  { href: "/projects", label: "Projects" },
  { href: "/settings", label: "Settings" },
] as const;

export function NavLinks() {
  const pathname = usePathname();
  return (
    <ul className="flex items-center gap-1">
      {LINKS.map((link) => {
        const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={current ? "page" : undefined}
              className={
                "relative flex h-11 items-center rounded-md px-3 text-sm font-medium transition-colors sm:h-14 " +
                (current
                  ? "text-fg after:absolute after:inset-x-3 after:bottom-0 after:h-0.5 after:rounded-full after:bg-accent"
                  : "text-fg-muted hover:text-fg")
              }
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** The top bar's sign-in link, left out where the page itself offers signing in. */
export function SignInLink() {
  const pathname = usePathname();
  if (pathname === "/signin" || pathname === "/signup" || pathname.startsWith("/invites/")) return null;
  return (
    <Link
      href="/signin"
      className="inline-flex h-9 items-center rounded-lg px-3 text-sm font-medium text-fg-muted hover:bg-surface-muted hover:text-fg"
    >
      Sign in
    </Link>
  );
}
