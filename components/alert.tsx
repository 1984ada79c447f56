// Inline messages: errors are announced (role="alert"), notices politely (role="status").
import type { ReactNode } from "react";

type Tone = "error" | "success" | "info" | "warning";

const tones: Record<Tone, string> = {
  error: "border-danger/30 bg-danger-soft text-danger-text",
  success: "border-emerald-500/30 bg-success-soft text-success-text",
  info: "border-accent/25 bg-accent-soft text-accent-text",
  warning: "border-amber-500/30 bg-warning-soft text-warning-text",
};

export function Alert({
  tone = "error",
  title,
  children,
  className = "",
}: {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-lg border px-3.5 py-3 text-sm ${tones[tone]} ${className}`}
    >
      {title ? <p className="font-medium">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : ""}>{children}</div> : null}
    </div>
  );
}
