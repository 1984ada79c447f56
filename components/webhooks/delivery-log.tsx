// A webhook's deliveries, newest first; each opens to its attempts (answer, excerpt or error, time).
import type { ReactNode } from "react";
import { formatDateTime, pluralize } from "../format";
import { DeliveryStatusBadge, HttpStatusBadge } from "./status";
import type { DeliveryView } from "./types";

export function DeliveryLog({
  deliveries,
  eventLabel,
  redeliverButton,
}: {
  deliveries: DeliveryView[];
  eventLabel: (event: string) => string;
  redeliverButton: (delivery: DeliveryView) => ReactNode;
}) {
  return (
    <ul className="divide-y divide-line" aria-label="Deliveries">
      {deliveries.map((delivery) => (
        <li key={delivery.id} data-testid="delivery">
          <details className="group">
            <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1.5 px-4 py-3 hover:bg-surface-muted/60 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-ring/40 sm:px-5 [&::-webkit-details-marker]:hidden">
              <svg
                viewBox="0 0 20 20"
                fill="currentColor"
                aria-hidden="true"
                className="size-4 shrink-0 text-fg-subtle transition-transform group-open:rotate-90"
              >
                <path
                  fillRule="evenodd"
                  d="M7.2 14.8a.75.75 0 0 1 0-1.06L10.94 10 7.2 6.26a.75.75 0 1 1 1.06-1.06l4.27 4.27a.75.75 0 0 1 0 1.06L8.26 14.8a.75.75 0 0 1-1.06 0Z"
                  clipRule="evenodd"
                />
              </svg>
              <span className="min-w-0 flex-1 text-sm font-medium text-fg">
                {eventLabel(delivery.event)}
                {delivery.seq !== null ? (
                  <span className="ml-1.5 font-normal text-fg-subtle">#{delivery.seq}</span>
                ) : null}
              </span>
              <DeliveryStatusBadge status={delivery.status} attempts={delivery.attempts} />
              <span className="w-full pl-7 text-xs text-fg-muted sm:w-auto sm:pl-0">
                <time dateTime={delivery.createdAt}>{formatDateTime(new Date(delivery.createdAt))}</time> ·{" "}
                {pluralize(delivery.attempts, "attempt")}
              </span>
            </summary>
            <div className="space-y-3 border-t border-line bg-surface-muted/40 px-4 py-3 sm:px-5">
              <p className="text-xs break-all text-fg-muted">
                Delivery id <code className="font-mono text-fg">{delivery.id}</code>
                {delivery.nextAttemptAt ? (
                  <>
                    {" "}
                    · next attempt{" "}
                    <time dateTime={delivery.nextAttemptAt}>
                      {formatDateTime(new Date(delivery.nextAttemptAt))}
                    </time>
                  </>
                ) : null}
              </p>
              {delivery.attemptLog.length === 0 ? (
                <p className="text-sm text-fg-muted">Not sent yet.</p>
              ) : (
                <ol className="space-y-2" aria-label="Attempts">
                  {delivery.attemptLog.map((attempt) => (
                    <li
                      key={attempt.number}
                      data-testid="attempt"
                      className="rounded-lg border border-line bg-surface p-3 text-sm"
                    >
                      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                        <span className="font-medium text-fg">Attempt {attempt.number}</span>
                        <HttpStatusBadge code={attempt.statusCode} />
                        <span className="text-xs text-fg-muted">
                          <time dateTime={attempt.startedAt}>
                            {formatDateTime(new Date(attempt.startedAt))}
                          </time>{" "}
                          · {attempt.durationMs} ms
                        </span>
                      </div>
                      {attempt.error ? (
                        <p className="mt-1.5 text-danger-text break-words">{attempt.error}</p>
                      ) : null}
                      {attempt.responseExcerpt ? (
                        <pre className="mt-1.5 max-h-32 overflow-auto rounded-md bg-surface-muted px-2 py-1.5 font-mono text-xs whitespace-pre-wrap break-all text-fg-muted">
                          {attempt.responseExcerpt}
                        </pre>
                      ) : null}
                    </li>
                  ))}
                </ol>
              )}
              {delivery.status === "delivering" ? null : redeliverButton(delivery)}
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
