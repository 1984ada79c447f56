import { CardSkeleton, DecisionHeaderSkeleton, SkeletonBlock } from "@/components/decisions/skeleton";

export default function ResultsLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-shimmer">
      <span className="sr-only">Loading the results…</span>
      <DecisionHeaderSkeleton />
      <div className="space-y-6">
        <div className="grid gap-0 overflow-hidden rounded-xl border border-line bg-surface lg:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="space-y-3 p-5">
            <SkeletonBlock className="h-3 w-16" />
            <SkeletonBlock className="h-7 w-48" />
            <SkeletonBlock className="h-4 w-64 max-w-full" />
          </div>
          <div className="space-y-4 border-t border-line p-5 lg:border-t-0 lg:border-l">
            <SkeletonBlock className="h-6 w-24" />
            <SkeletonBlock className="h-6 w-24" />
            <SkeletonBlock className="h-2 w-full" />
          </div>
        </div>
        <CardSkeleton lines={4} />
        <CardSkeleton lines={0} tall />
        <CardSkeleton lines={0} tall />
      </div>
    </div>
  );
}
