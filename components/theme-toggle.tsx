"use client";
// Switches between light and dark and remembers the choice; without one, the system preference wins.
import { useLayoutEffect } from "react";
import { MoonIcon, SunIcon } from "./icons";
import { THEME_STORAGE_KEY } from "./theme-script";

function systemPrefersDark() {
  return window.matchMedia("(prefers-color-scheme: dark)").matches;
}

function apply(dark: boolean) {
  const root = document.documentElement;
  root.classList.toggle("dark", dark);
  root.style.colorScheme = dark ? "dark" : "light";
}

function savedTheme(): "light" | "dark" | null {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY);
    return value === "light" || value === "dark" ? value : null;
  } catch {
    return null;
  }
}

export function ThemeToggle() {
  useLayoutEffect(() => {
    // Re-applies after a development remount resets <html>, and follows the system while no choice is saved.
    const saved = savedTheme();
    apply(saved ? saved === "dark" : systemPrefersDark());
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => {
      if (!savedTheme()) apply(media.matches);
    };
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, []);

  function toggle() {
    const dark = !document.documentElement.classList.contains("dark");
    apply(dark);
    try {
      localStorage.setItem(THEME_STORAGE_KEY, dark ? "dark" : "light");
    } catch {
      // Private mode without storage: the switch still works for this page.
    }
  }

  return (
    <button
      type="button"
      onClick={toggle}
      title="Switch between light and dark theme"
      className="inline-flex size-9 items-center justify-center rounded-lg text-fg-muted transition-colors hover:bg-surface-muted hover:text-fg"
    >
      <span className="sr-only">Toggle dark theme</span>
      <MoonIcon className="size-[18px] dark:hidden" />
      <SunIcon className="hidden size-[18px] dark:block" />
    </button>
  );
}
