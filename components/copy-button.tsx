"use client";
// Copies a value to the clipboard and says so, for screen readers too.
import { useEffect, useState } from "react";
import { buttonClasses, type ButtonVariant } from "./button";
import { CheckIcon, CopyIcon } from "./icons";

async function copyText(value: string) {
  try {
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    // Clipboard API needs a secure context; plain-http self-hosting falls back to a hidden textarea.
    const area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

export function CopyButton({
  value,
  label = "Copy",
  variant = "secondary",
  className,
}: {
  value: string;
  /** Accessible name, e.g. "Copy invite link". */
  label?: string;
  variant?: ButtonVariant;
  className?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <>
      <button
        type="button"
        aria-label={label}
        onClick={async () => setState((await copyText(value)) ? "copied" : "failed")}
        className={buttonClasses({ variant, className })}
      >
        {state === "copied" ? <CheckIcon className="text-success-text" /> : <CopyIcon />}
        <span aria-hidden="true">
          {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy"}
        </span>
      </button>
      <span role="status" className="sr-only">
        {state === "copied"
          ? "Copied to the clipboard."
          : state === "failed"
            ? "Could not copy. Select the text and copy it by hand."
            : ""}
      </span>
    </>
  );
}
