// Demo history: the team's 2019 framework record, imported as a historical accepted record that
// ADR-0001's proposal will supersede once it is accepted (a proposal never supersedes by itself).
import JSZip from "jszip";
import type { Db } from "../db";
import { recordFileName } from "../domain/slug";
import type { Actor } from "../server/actor";
import { importRecords } from "../server/records/import-records";
import { supersedeRecord } from "../server/records/supersede-record";

const LEGACY_TITLE = "Train new models with TensorFlow 1.x Estimators";

const LEGACY_RECORD = `---
status: accepted
date: 2019-04-16
decision-makers:
  - Priya Raman
consulted:
  - Tomás Ferreira
informed:
  - ML Platform team
---

# ${LEGACY_TITLE}

## Context and Problem Statement

Every team trains models its own way: some drive raw TensorFlow sessions, some copy Keras scripts
between repositories, and one still runs Theano code nobody wants to maintain. We need one way to write
training code that runs on a workstation and on the GPU cluster alike, and that produces models our
serving stack loads without a conversion step.

## Decision Drivers

* One training loop for local runs and for distributed jobs on the cluster
* Exports that TensorFlow Serving loads as they are (SavedModel)
* Support in the managed training tooling we already pay for
* A learning curve the data scientists can absorb within a quarter

## Considered Options

* TensorFlow 1.x Estimators
* Plain Keras with hand-written distribution
* PyTorch 1.0

## Decision Outcome

Chosen option: "TensorFlow 1.x Estimators", because it is the only option in which the same model
function trains locally, trains on the cluster through \`tf.estimator.train_and_evaluate\`, and exports a
SavedModel for TensorFlow Serving without code of our own.

### Consequences

* Good, because distributed training and model export come with the framework instead of from our scripts
* Good, because serving stays on TensorFlow Serving, which the platform team already operates
* Bad, because input pipelines have to be rewritten with \`tf.data\`, and graph-mode code is slow to debug
* Bad, because researchers who prototype in PyTorch must port their models before training at scale

### Confirmation

The ranking and fraud models were ported first; both trained on the cluster and were served from
TensorFlow Serving by June 2019.

## Pros and Cons of the Options

### TensorFlow 1.x Estimators

* Good, because \`train_and_evaluate\` covers local and distributed runs with one code path
* Good, because SavedModel export is built in
* Bad, because sessions and graph mode make every debugging session slower

### Plain Keras with hand-written distribution

* Good, because the API is small and already familiar to most of the team
* Bad, because multi-worker training would be our own code to write and maintain

### PyTorch 1.0

* Good, because eager execution makes research code easy to write and to debug
* Bad, because its production export (TorchScript) was brand new and we had no serving path for it

## More Information

Revisit once TensorFlow 2.0 is stable: Estimators are expected to give way to Keras and eager execution.
`;

/**
 * Imports the legacy record with the project's next record number and names ADR-0001's proposed
 * record as its successor-to-be. Call it after ADR-0001 has closed, so that its record exists.
 */
export async function seedDemoRecords(db: Db, actors: Record<string, Actor>, projectId: string) {
  const lead = actors.marco ?? Object.values(actors)[0]!;
  const framework = await db.decision.findFirstOrThrow({
    where: { projectId, number: 1 },
    select: { id: true },
  });
  const { nextRecordNumber } = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { nextRecordNumber: true },
  });
  const zip = new JSZip();
  zip.file(`docs/decisions/${recordFileName(nextRecordNumber, LEGACY_TITLE)}`, LEGACY_RECORD);
  const { imported } = await importRecords(lead, projectId, await zip.generateAsync({ type: "uint8array" }));
  await supersedeRecord(lead, imported[0]!.decisionId, {
    byDecisionId: framework.id,
    comment: "TensorFlow 1.x is end-of-life; ADR-0001 picks the framework for new training and serving code.",
  });
}
