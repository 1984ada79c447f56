"use client";
// Move up, move down and remove buttons for one item of an editable list.
export function ItemControls({
  kind,
  index,
  count,
  minimum = 0,
  idPrefix,
  onMove,
  onRemove,
}: {
  kind: string;
  index: number;
  count: number;
  /** Remove is disabled at this many items. */
  minimum?: number;
  idPrefix: string;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const button =
    "inline-flex size-8 items-center justify-center rounded-md text-fg-muted transition-colors hover:bg-surface-muted hover:text-fg disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:bg-transparent";
  const label = `${kind} ${index + 1}`;
  return (
    <div className="flex items-center gap-0.5" role="group" aria-label={`Arrange ${label}`}>
      <button type="button" id={`${idPrefix}-up`} className={button} disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move ${label} up`} title="Move up">
        <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true">
          <path d="m6 15 6-6 6 6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <button
        type="button"
        id={`${idPrefix}-down`}
        className={button}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
        aria-label={`Move ${label} down`}
        title="Move down"
      >
        <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true">
          <path d="m6 9 6 6 6-6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <button
        type="button"
        className={`${button} hover:text-danger-text`}
        disabled={count <= minimum}
        onClick={onRemove}
        aria-label={`Remove ${label}`}
        title="Remove"
      >
        <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden="true">
          <path d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
    </div>
  );
}
