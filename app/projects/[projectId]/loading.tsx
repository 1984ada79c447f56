// Shown inside the project frame while a section loads.
export default function ProjectSectionLoading() {
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">Loading…</span>
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-24 animate-shimmer rounded-xl border border-line bg-surface p-4">
            <div className="h-3 w-16 rounded bg-surface-muted" />
            <div className="mt-3 h-5 w-24 rounded bg-surface-muted" />
          </div>
        ))}
      </div>
      <div className="animate-shimmer rounded-xl border border-line bg-surface">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="flex items-center gap-4 border-b border-line px-5 py-4 last:border-0">
            <div className="size-8 rounded-full bg-surface-muted" />
            <div className="flex-1 space-y-2">
              <div className="h-3.5 w-1/3 rounded bg-surface-muted" />
              <div className="h-3 w-1/2 rounded bg-surface-muted" />
            </div>
            <div className="h-5 w-14 rounded bg-surface-muted" />
          </div>
        ))}
      </div>
    </div>
  );
}
