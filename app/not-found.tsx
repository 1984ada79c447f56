import type { Metadata } from "next";
import { ButtonLink } from "@/components/button";
import { PageContainer } from "@/components/page";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <PageContainer className="flex min-h-[60vh] items-center justify-center">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-accent-text">404</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-fg">We couldn’t find that page</h1>
        <p className="mt-3 text-sm text-fg-muted">
          The link may be mistyped, or the page belongs to a project you are not a member of. If someone
          shared it with you, ask them for an invite.
        </p>
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <ButtonLink href="/projects">Go to your projects</ButtonLink>
        </div>
      </div>
    </PageContainer>
  );
}
