"use client";
// A submit button that shows the form's pending state (useFormStatus) and blocks double submits.
import { useFormStatus } from "react-dom";
import { buttonClasses, type ButtonVariant, type ButtonSize } from "./button";
import { Spinner } from "./spinner";

export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  size = "md",
  className,
  disabled,
  name,
  value,
}: {
  children: React.ReactNode;
  /** Shown while the form submits, e.g. "Creating…". */
  pendingLabel?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  disabled?: boolean;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={disabled || pending}
      aria-disabled={disabled || pending}
      className={buttonClasses({ variant, size, className })}
    >
      {pending ? (
        <>
          <Spinner />
          {pendingLabel ?? children}
        </>
      ) : (
        children
      )}
    </button>
  );
}

