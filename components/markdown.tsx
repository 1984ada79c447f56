// Renders Markdown on the server, sanitized; YAML front matter shows as a small table, as code hosts do.
import { renderMarkdown, splitFrontMatter } from "@/lib/render-markdown";
import { SanitizedHtml } from "./records/sanitized-html";

const FIELD_LABEL: Record<string, string> = {
  status: "Status",
  date: "Date",
  "review-by": "Review by",
  "decision-makers": "Decision-makers",
  consulted: "Consulted",
  informed: "Informed",
};

export function Markdown({
  source,
  headingOffset = 1,
  className,
}: {
  source: string;
  headingOffset?: number;
  className?: string;
}) {
  const { fields, body } = splitFrontMatter(source);
  return (
    <div className={className}>
      {fields.length > 0 ? (
        <dl className="mb-6 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5 rounded-lg border border-line bg-surface-muted/50 px-4 py-3 text-sm">
          {fields.map((field) => (
            <div key={field.key} className="contents">
              <dt className="text-fg-muted">{FIELD_LABEL[field.key] ?? field.key}</dt>
              <dd className="min-w-0 break-words text-fg">
                {field.values.length > 0 ? (
                  field.values.join(", ")
                ) : (
                  <span className="text-fg-subtle">—</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <SanitizedHtml html={renderMarkdown(body, { headingOffset })} />
    </div>
  );
}
