// Shows HTML that lib/render-markdown produced. The SafeHtml type keeps any other string out: only
// the sanitizer's output may be inserted without escaping.
import type { SafeHtml } from "@/lib/render-markdown";

// Typography for rendered records (there is no typography plugin; these are the few rules we need).
export const PROSE_CLASSES = [
  "min-w-0 break-words text-[15px] leading-7 text-fg",
  "[&>*:first-child]:mt-0 [&>*:last-child]:mb-0",
  "[&_h2]:mt-2 [&_h2]:mb-4 [&_h2]:text-2xl [&_h2]:font-semibold [&_h2]:tracking-tight",
  "[&_h3]:mt-9 [&_h3]:mb-3 [&_h3]:border-b [&_h3]:border-line [&_h3]:pb-2 [&_h3]:text-lg [&_h3]:font-semibold",
  "[&_h4]:mt-6 [&_h4]:mb-2 [&_h4]:text-base [&_h4]:font-semibold",
  "[&_h5]:mt-4 [&_h5]:mb-1 [&_h5]:font-semibold [&_h6]:mt-4 [&_h6]:mb-1 [&_h6]:font-semibold",
  "[&_p]:my-3 [&_ul]:my-3 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:my-1",
  "[&_a]:font-medium [&_a]:text-accent-text [&_a]:underline [&_a]:underline-offset-2",
  "[&_strong]:font-semibold [&_blockquote]:my-4 [&_blockquote]:border-l-4 [&_blockquote]:border-line-strong [&_blockquote]:pl-4 [&_blockquote]:text-fg-muted",
  "[&_code]:rounded [&_code]:bg-surface-muted [&_code]:px-1 [&_code]:py-0.5 [&_code]:font-mono [&_code]:text-[0.85em] [&_code]:break-all",
  "[&_pre]:my-4 [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-surface-muted [&_pre]:p-4 [&_pre]:text-sm",
  "[&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_pre_code]:break-normal",
  "[&_table]:my-4 [&_table]:block [&_table]:max-w-full [&_table]:overflow-x-auto [&_table]:text-sm",
  "[&_th]:border-b [&_th]:border-line-strong [&_th]:px-3 [&_th]:py-2 [&_th]:font-semibold [&_th]:whitespace-nowrap",
  "[&_td]:border-b [&_td]:border-line [&_td]:px-3 [&_td]:py-2 [&_td]:tabular-nums",
  "[&_hr]:my-6 [&_hr]:border-line",
].join(" ");

export function SanitizedHtml({ html, className = "" }: { html: SafeHtml; className?: string }) {
  return <div className={`${PROSE_CLASSES} ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
