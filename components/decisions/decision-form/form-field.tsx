// The decision form's field frame and its radio cards.
import type { ReactNode } from "react";
import { describedBy, FieldFrame } from "@/components/field";

/** A label, a control (rendered by the child with the wiring props) and its hint or error. */
export function FormField({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} className={className}>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, error ? undefined : hint, error) })}
    </FieldFrame>
  );
}

/** A choice between a few options, each a card with a label and a line of explanation. */
export function RadioCards({
  legend,
  name,
  value,
  onChange,
  choices,
}: {
  legend: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  choices: { value: string; label: string; description: string }[];
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-fg">{legend}</legend>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        {choices.map((choice) => {
          const checked = value === choice.value;
          return (
            <label
              key={choice.value}
              className={`flex cursor-pointer gap-3 rounded-lg border p-3 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring ${
                checked ? "border-accent bg-accent-soft" : "border-line-strong bg-surface hover:bg-surface-muted"
              }`}
            >
              <input
                type="radio"
                name={name}
                value={choice.value}
                checked={checked}
                onChange={() => onChange(choice.value)}
                className="mt-0.5 size-4 shrink-0 accent-[var(--accent)] focus-visible:outline-none"
              />
              <span>
                <span className="block text-sm font-medium text-fg">{choice.label}</span>
                <span className="mt-0.5 block text-xs text-fg-muted">{choice.description}</span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
