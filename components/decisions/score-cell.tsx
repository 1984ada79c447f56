"use client";
// One ballot cell: a compact text box that takes a score by keyboard (digits, with "1" then "0" within
// 600 ms making 10), abstains on `a` or `-`, clears on Backspace, and leaves arrow keys and Enter to the
// matrix for moving between cells. On phones, where keys arrive as text, onChange parses what was typed.
import { useRef, type KeyboardEvent } from "react";
import { displayValue, scoreTint } from "./format";

/** undefined: not scored yet; null: abstained; a number: the score. */
export type CellValue = number | null | undefined;

export type Move = "left" | "right" | "up" | "down" | "next" | "previous" | "rowStart" | "rowEnd";

/** Two digits typed within this many milliseconds make one number. */
export const MULTI_DIGIT_MS = 600;

export function ScoreCell({
  id,
  label,
  value,
  scale,
  invalid,
  hasNote,
  noteOpen,
  describedBy,
  onChange,
  onMove,
  onToggleNote,
  onAnnounce,
  noteButton = true,
  className = "",
}: {
  id: string;
  label: string;
  value: CellValue;
  scale: { min: number; max: number };
  invalid?: boolean;
  hasNote: boolean;
  noteOpen: boolean;
  describedBy?: string;
  onChange: (value: CellValue) => void;
  onMove: (move: Move) => void;
  onToggleNote: () => void;
  onAnnounce: (message: string) => void;
  /** The small corner button that opens the rationale; layouts with their own button turn it off. */
  noteButton?: boolean;
  className?: string;
}) {
  const typed = useRef<{ text: string; at: number } | null>(null);
  const inRange = (n: number) => Number.isInteger(n) && n >= scale.min && n <= scale.max;

  function typeDigit(digit: string) {
    const now = performance.now();
    const previous = typed.current;
    let text = digit;
    if (previous && now - previous.at < MULTI_DIGIT_MS) {
      const joined = previous.text + digit;
      if (inRange(Number(joined))) text = joined;
    }
    const score = Number(text);
    if (inRange(score)) {
      onChange(score);
      typed.current = { text, at: now };
    } else {
      typed.current = null;
      onAnnounce(`${digit} is off the scale ${scale.min} to ${scale.max}.`);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    const moves: Record<string, Move> = {
      ArrowLeft: "left",
      ArrowRight: "right",
      ArrowUp: "up",
      ArrowDown: "down",
      Home: "rowStart",
      End: "rowEnd",
    };
    if (moves[key]) {
      event.preventDefault();
      typed.current = null;
      onMove(moves[key]);
    } else if (key === "Enter") {
      event.preventDefault();
      typed.current = null;
      onMove(event.shiftKey ? "previous" : "next");
    } else if (/^[0-9]$/.test(key)) {
      event.preventDefault();
      typeDigit(key);
    } else if (key === "-" || key === "a" || key === "A") {
      event.preventDefault();
      onChange(null);
      onAnnounce("Abstained.");
      // On a scale with negative scores, "-" then a digit types a negative score.
      typed.current = key === "-" && scale.min < 0 ? { text: "-", at: performance.now() } : null;
    } else if (key === "Backspace" || key === "Delete") {
      event.preventDefault();
      typed.current = null;
      onChange(undefined);
      onAnnounce("Cleared.");
    } else if (key === "r" || key === "R") {
      event.preventDefault();
      onToggleNote();
    } else if (key.length === 1 && key !== " ") {
      // Any other character would only be rejected: keep the box showing the score.
      event.preventDefault();
    }
  }

  /** Phones send text rather than key presses: make sense of whatever the box now holds. */
  function onTextChange(raw: string) {
    const text = raw.trim();
    if (text === "") return onChange(undefined);
    if (/[aA]/.test(text) || text === "-" || text === "–") return onChange(null);
    const digits = text.replace(/[^\d-]/g, "");
    const whole = Number(digits);
    if (digits && inRange(whole)) return onChange(whole);
    const last = Number(digits.slice(-1));
    if (digits && inRange(last)) return onChange(last);
  }

  const abstained = value === null;
  return (
    <div className={`group/cell relative ${className}`}>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        value={displayValue(value)}
        placeholder="·"
        onKeyDown={onKeyDown}
        onChange={(e) => onTextChange(e.target.value)}
        onFocus={(e) => e.currentTarget.select()}
        style={{ backgroundColor: scoreTint(value, scale) }}
        className={`block h-10 w-full rounded-md border text-center text-[15px] font-semibold tabular-nums text-fg caret-transparent shadow-xs transition-colors placeholder:text-fg-subtle/70 focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring ${
          invalid
            ? "border-danger"
            : abstained
              ? "border-dashed border-line-strong bg-[repeating-linear-gradient(135deg,transparent_0_5px,var(--surface-muted)_5px_10px)] text-fg-subtle"
              : value === undefined
                ? "border-line-strong bg-surface"
                : "border-line-strong"
        }`}
      />
      {noteButton ? (
      <button
        type="button"
        tabIndex={-1}
        onClick={onToggleNote}
        aria-label={`${noteOpen ? "Close" : hasNote ? "Edit" : "Add"} rationale: ${label.replace(/^Score for /, "")}`}
        aria-expanded={noteOpen}
        title={hasNote ? "Rationale written (R)" : "Add a rationale (R)"}
        className={`absolute -top-1.5 -right-1.5 flex size-4 items-center justify-center rounded-full border text-[9px] leading-none transition-opacity ${
          hasNote || noteOpen
            ? "border-accent bg-accent text-accent-fg opacity-100"
            : "border-line-strong bg-surface text-fg-subtle opacity-0 group-hover/cell:opacity-100 focus:opacity-100"
        }`}
      >
        <svg viewBox="0 0 16 16" className="size-2.5" fill="currentColor" aria-hidden="true">
          <path d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3 3v-3h-.5A1.5 1.5 0 0 1 2 9.5v-6Z" />
        </svg>
      </button>
      ) : null}
    </div>
  );
}
