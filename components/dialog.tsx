// A modal on <dialog>: the browser traps focus, Escape closes it, focus returns to the opener.
import type { ReactNode, Ref } from "react";

export function Dialog({
  ref,
  title,
  titleId,
  onClose,
  children,
}: {
  ref: Ref<HTMLDialogElement>;
  title: string;
  titleId: string;
  onClose?: () => void;
  children: ReactNode;
}) {
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100%-2rem))] rounded-xl border border-line bg-surface p-0 text-fg shadow-2xl backdrop:bg-black/50 backdrop:backdrop-blur-[2px]"
    >
      <div className="p-5 sm:p-6">
        <h2 id={titleId} className="text-lg font-semibold text-fg">
          {title}
        </h2>
        <div className="mt-3">{children}</div>
      </div>
    </dialog>
  );
}
