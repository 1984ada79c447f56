// A person's initials in a circle; decorative, since their name is always written beside it.
export function initials(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0]];
  return letters.filter(Boolean).join("").toUpperCase() || "?";
}

export function Avatar({ name, tone = "muted" }: { name: string; tone?: "muted" | "accent" }) {
  return (
    <span
      aria-hidden="true"
      className={
        "flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold " +
        (tone === "accent"
          ? "bg-accent-soft text-accent-text"
          : "bg-surface-muted text-fg-muted ring-1 ring-line")
      }
    >
      {initials(name)}
    </span>
  );
}
