"use client";
// A page's own skip link, shown next to "Skip to content" at the very start of the Tab order (the app
// shell leaves a slot for it). Activating it runs `onActivate`, which moves focus where the page wants.
import { useSyncExternalStore, type ReactNode } from "react";
import { createPortal } from "react-dom";

const subscribeToNothing = () => () => {};

export function PageSkipLink({ href, onActivate, children }: { href: string; onActivate: () => void; children: ReactNode }) {
  // The slot is part of the server-rendered shell and never moves: read it once hydrated, none on the server.
  const slot = useSyncExternalStore(
    subscribeToNothing,
    () => document.getElementById("page-skip-links"),
    () => null,
  );
  if (!slot) return null;
  return createPortal(
    <a
      href={href}
      onClick={(event) => {
        event.preventDefault();
        onActivate();
      }}
      className="sr-only z-50 rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-fg focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
    >
      {children}
    </a>,
    slot,
  );
}
