// The four-step introduction an empty project shows until its first decision exists.
import { ButtonLink } from "../button";
import { Card, CardHeader } from "../card";
import { FileTextIcon, HistoryIcon, ScaleIcon, UsersIcon } from "../icons";

const STEPS = [
  {
    icon: <ScaleIcon />,
    title: "Frame the question",
    text: "An owner or lead sets up a decision: the options, the criteria that matter and how much each weighs.",
  },
  {
    icon: <UsersIcon />,
    title: "Score in a blind vote",
    text: "Members score every option on every criterion. Nobody sees others' scores until the vote closes.",
  },
  {
    icon: <FileTextIcon />,
    title: "Keep the record",
    text: "Closing the vote ranks the options, flags ties and fragile winners, and drafts the decision record.",
  },
  {
    icon: <HistoryIcon />,
    title: "Prove the history",
    text: "Every change is written to a hash-chained log that anyone in the project can verify.",
  },
];

export function HowDecisionsWork({ newDecisionHref }: { newDecisionHref: string | null }) {
  return (
    <Card as="section">
      <CardHeader
        id="how-heading"
        title="How decisions work here"
        action={
          newDecisionHref ? (
            <ButtonLink href={newDecisionHref} size="sm">
              Start a decision
            </ButtonLink>
          ) : null
        }
      />
      <ol className="grid gap-px overflow-hidden rounded-b-xl bg-line sm:grid-cols-2">
        {STEPS.map((step, index) => (
          <li key={step.title} className="flex gap-3 bg-surface p-5">
            <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-accent-soft text-accent-text [&_svg]:size-[18px]">
              {step.icon}
            </span>
            <div className="min-w-0">
              <p className="text-sm font-semibold text-fg">
                <span className="mr-1.5 text-fg-muted">{index + 1}.</span>
                {step.title}
              </p>
              <p className="mt-1 text-sm text-fg-muted">{step.text}</p>
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
