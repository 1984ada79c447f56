// The project's search box: a plain GET form, so it works before scripts load and results have a URL.

export function ProjectSearchBox({
  projectId,
  defaultValue = "",
}: {
  projectId: string;
  defaultValue?: string;
}) {
  return (
    <form
      role="search"
      action={`/projects/${projectId}/search`}
      method="get"
      className="relative w-full sm:w-72"
    >
      <label htmlFor="project-search" className="sr-only">
        Search this project
      </label>
      <svg
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        aria-hidden="true"
        focusable="false"
        className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-muted"
      >
        <circle cx="11" cy="11" r="7" />
        <path d="m20 20-3.5-3.5" />
      </svg>
      <input
        id="project-search"
        type="search"
        name="q"
        defaultValue={defaultValue}
        placeholder="Search decisions and records"
        minLength={2}
        maxLength={200}
        required
        className="h-10 w-full rounded-lg border border-line-strong bg-surface pr-3 pl-9 text-sm text-fg placeholder:text-fg-muted focus:border-accent focus:outline-2 focus:outline-offset-0 focus:outline-ring/40"
      />
    </form>
  );
}
