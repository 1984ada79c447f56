// Labelled form controls with an optional hint and an error tied to the control for screen readers.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

export const controlClasses =
  "block w-full rounded-lg border border-line-strong bg-surface px-3 text-sm text-fg shadow-xs " +
  "placeholder:text-fg-subtle transition-colors hover:border-fg-subtle " +
  "focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring/40 " +
  "aria-invalid:border-danger aria-invalid:focus-visible:outline-danger/40 " +
  "disabled:cursor-not-allowed disabled:opacity-60 read-only:bg-surface-muted";

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Visually hide the label (it stays for screen readers). */
  hideLabel?: boolean;
  className?: string;
  children: ReactNode;
}

export function describedBy(id: string, hint?: ReactNode, error?: string) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function FieldFrame({ id, label, hint, error, hideLabel, className = "", children }: FieldFrameProps) {
  return (
    <div className={`space-y-1.5 ${className}`}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "block text-sm font-medium text-fg"}>
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-fg-subtle">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}

export function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="flex items-start gap-1.5 text-sm text-danger-text">
      <svg viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-4 shrink-0" aria-hidden="true">
        <path
          fillRule="evenodd"
          d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm.75-11.5a.75.75 0 0 0-1.5 0v4a.75.75 0 0 0 1.5 0v-4ZM10 14.5a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
          clipRule="evenodd"
        />
      </svg>
      <span>{children}</span>
    </p>
  );
}

type Common = { label: ReactNode; hint?: ReactNode; error?: string; hideLabel?: boolean; className?: string };

export function TextField({
  label,
  hint,
  error,
  hideLabel,
  className,
  id,
  name,
  ...props
}: Common & InputHTMLAttributes<HTMLInputElement> & { name: string }) {
  const controlId = id ?? name;
  return (
    <FieldFrame
      id={controlId}
      label={label}
      hint={hint}
      error={error}
      hideLabel={hideLabel}
      className={className}
    >
      <input
        id={controlId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(controlId, hint, error)}
        className={`${controlClasses} h-10`}
        {...props}
      />
    </FieldFrame>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  hideLabel,
  className,
  id,
  name,
  ...props
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string }) {
  const controlId = id ?? name;
  return (
    <FieldFrame
      id={controlId}
      label={label}
      hint={hint}
      error={error}
      hideLabel={hideLabel}
      className={className}
    >
      <textarea
        id={controlId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(controlId, hint, error)}
        className={`${controlClasses} min-h-20 py-2 leading-relaxed`}
        {...props}
      />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  hint,
  error,
  hideLabel,
  className,
  id,
  name,
  children,
  ...props
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { name: string }) {
  const controlId = id ?? name;
  return (
    <FieldFrame
      id={controlId}
      label={label}
      hint={hint}
      error={error}
      hideLabel={hideLabel}
      className={className}
    >
      <select
        id={controlId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(controlId, hint, error)}
        className={`${controlClasses} h-10 pr-8`}
        {...props}
      >
        {children}
      </select>
    </FieldFrame>
  );
}
