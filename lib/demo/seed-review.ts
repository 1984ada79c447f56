// Demo review: an accepted record (the team's experiment-tracking choice, imported) whose review date
// passed two weeks ago, so the record, the records index and the leads' overview show "Review due".
import JSZip from "jszip";
import type { Db } from "../db";
import { calendarDay } from "../domain/review";
import { recordFileName } from "../domain/slug";
import type { Actor } from "../server/actor";
import { importRecords } from "../server/records/import-records";
import { setReviewDate } from "../server/records/set-review-date";

const TITLE = "Track experiments and register models in MLflow";

const RECORD = `---
status: accepted
date: 2024-02-07
decision-makers:
  - Marco Lindqvist
consulted:
  - Aisha Bello
  - Lena Vogel
informed:
  - ML Platform team
---

# ${TITLE}

## Context and Problem Statement

Runs are compared by pasting numbers into spreadsheets, and nobody can say which checkpoint is in
production. We want one place that records every training run's parameters, metrics and artefacts,
and a registry that says which model version serves traffic.

## Considered Options

* MLflow, self-hosted next to the training cluster
* A hosted experiment-tracking service
* Keep spreadsheets and a naming convention for checkpoints

## Decision Outcome

Chosen option: "MLflow, self-hosted next to the training cluster", because it works with every
framework we use, keeps artefacts inside our network, and its model registry fits our release steps.

### Consequences

* Good, because every run is comparable without manual bookkeeping
* Bad, because the platform team now operates the tracking server and its database

### Confirmation

Agreed to look again after a year of use: storage growth and how much of the registry we really use.
`;

/** Imports the record with the project's next number and gives it a review date 14 days ago. */
export async function seedDemoReview(db: Db, lead: Actor, projectId: string, now = new Date()) {
  const { nextRecordNumber } = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { nextRecordNumber: true },
  });
  const zip = new JSZip();
  zip.file(`docs/decisions/${recordFileName(nextRecordNumber, TITLE)}`, RECORD);
  const { imported } = await importRecords(lead, projectId, await zip.generateAsync({ type: "uint8array" }));
  await setReviewDate(lead, imported[0]!.decisionId, {
    reviewBy: calendarDay(new Date(now.getTime() - 14 * 86_400_000)),
  });
}
