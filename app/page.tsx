import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ButtonLink } from "@/components/button";
import { FileTextIcon, HistoryIcon, ScaleIcon } from "@/components/icons";
import { ExampleResult } from "@/components/landing/example-result";
import { currentActor } from "./_lib/session";

export const metadata: Metadata = { title: { absolute: "Verdict — decide together, keep the record" } };

const POINTS = [
  {
    icon: <ScaleIcon />,
    title: "Score in a blind vote",
    text: "Everyone scores each option on the criteria that matter. Nobody sees others' scores until the vote closes.",
  },
  {
    icon: <FileTextIcon />,
    title: "Get a result you can trust",
    text: "Weighted totals with ties, disputed scores and fragile winners flagged, then a decision record (MADR) to review and accept.",
  },
  {
    icon: <HistoryIcon />,
    title: "Prove what happened",
    text: "Every change goes into a hash-chained audit log that auditors can verify and export.",
  },
];

export default async function FrontPage() {
  if (await currentActor()) redirect("/home");
  return (
    <div className="mx-auto grid w-full max-w-6xl items-center gap-10 px-4 py-10 sm:px-6 sm:py-16 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.05fr)]">
      <section aria-labelledby="front-title">
        <h1 id="front-title" className="text-3xl font-semibold tracking-tight text-fg sm:text-4xl">
          Decide together. Keep the record.
        </h1>
        <p className="mt-4 max-w-xl text-base text-fg-muted sm:text-lg">
          Verdict is where a team weighs its options on agreed criteria, votes, and ends with an Architecture
          Decision Record that says what was chosen and why.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <ButtonLink href="/signup">Create an account</ButtonLink>
          <ButtonLink href="/signin" variant="secondary">
            Sign in
          </ButtonLink>
        </div>
        <ul className="mt-8 space-y-4">
          {POINTS.map((point) => (
            <li key={point.title} className="flex gap-3">
              <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-accent-soft text-accent-text [&_svg]:size-[18px]">
                {point.icon}
              </span>
              <div>
                <p className="text-sm font-semibold text-fg">{point.title}</p>
                <p className="mt-0.5 text-sm text-fg-muted">{point.text}</p>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <ExampleResult />
    </div>
  );
}
