// Loading placeholders for the decision pages.
export function SkeletonBlock({ className = "" }: { className?: string }) {
  return <div className={`rounded bg-surface-muted ${className}`} />;
}

export function DecisionHeaderSkeleton() {
  return (
    <div className="mb-6 space-y-3">
      <SkeletonBlock className="h-4 w-24" />
      <div className="flex gap-2">
        <SkeletonBlock className="h-5 w-20" />
        <SkeletonBlock className="h-5 w-14" />
      </div>
      <SkeletonBlock className="h-7 w-2/3 max-w-xl" />
      <SkeletonBlock className="h-9 w-72 max-w-full rounded-lg" />
    </div>
  );
}

export function CardSkeleton({ lines = 3, tall = false }: { lines?: number; tall?: boolean }) {
  return (
    <div className="rounded-xl border border-line bg-surface p-5 shadow-xs">
      <SkeletonBlock className="h-4 w-40" />
      <SkeletonBlock className="mt-2 h-3 w-72 max-w-full" />
      {tall ? <SkeletonBlock className="mt-5 h-56 w-full rounded-lg" /> : null}
      <div className="mt-5 space-y-3">
        {Array.from({ length: lines }, (_, i) => (
          <SkeletonBlock key={i} className={`h-3.5 ${i % 2 ? "w-5/6" : "w-full"}`} />
        ))}
      </div>
    </div>
  );
}
