import { CardSkeleton, DecisionHeaderSkeleton, SkeletonBlock } from "@/components/decisions/skeleton";

export default function VoteLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-shimmer">
      <span className="sr-only">Loading your ballot…</span>
      <DecisionHeaderSkeleton />
      <div className="space-y-6">
        <div className="rounded-xl border border-line bg-surface shadow-xs">
          <div className="space-y-2 border-b border-line p-5">
            <SkeletonBlock className="h-4 w-32" />
            <SkeletonBlock className="h-3 w-80 max-w-full" />
          </div>
          <div className="space-y-3 p-5">
            {Array.from({ length: 4 }, (_, row) => (
              <div key={row} className="flex items-center gap-2">
                <SkeletonBlock className="h-4 w-28 shrink-0" />
                {Array.from({ length: 6 }, (_, col) => (
                  <SkeletonBlock key={col} className={`h-10 flex-1 rounded-md ${col > 2 ? "hidden sm:block" : ""}`} />
                ))}
              </div>
            ))}
          </div>
        </div>
        <CardSkeleton lines={1} />
      </div>
    </div>
  );
}
