// The demo team and its decisions. All demo text is written for Verdict.
import type { Db } from "../db";
import type { Actor } from "../server/actor";
import { signUp } from "../server/sign-up";
import { createProject } from "../server/projects/create-project";
import { acceptInvite } from "../server/members/accept-invite";
import { createInvite } from "../server/members/create-invite";
import { createDecision } from "../server/decisions/create-decision";
import { openDecision } from "../server/decisions/open-decision";
import { closeDecision } from "../server/decisions/close-decision";
import { submitBallot } from "../server/decisions/submit-ballot";
import type { RoleName } from "../schemas/project";
import { seedDemoRecords } from "./seed-records";
import { seedDemoReview } from "./seed-review";

export const DEMO_PASSWORD = "verdict-demo";

export const DEMO_USERS: { key: string; name: string; email: string; role: RoleName }[] = [
  { key: "priya", name: "Priya Raman", email: "priya@verdict.demo", role: "OWNER" },
  { key: "marco", name: "Marco Lindqvist", email: "marco@verdict.demo", role: "LEAD" },
  { key: "aisha", name: "Aisha Bello", email: "aisha@verdict.demo", role: "MEMBER" },
  { key: "tomas", name: "Tomás Ferreira", email: "tomas@verdict.demo", role: "MEMBER" },
  { key: "lena", name: "Lena Vogel", email: "lena@verdict.demo", role: "MEMBER" },
  { key: "ken", name: "Ken Okafor", email: "ken@verdict.demo", role: "AUDITOR" },
];

const FRAMEWORK_CRITERIA = [
  { name: "Research flexibility", description: "Dynamic graphs, easy debugging, fast prototyping of new architectures.", weight: 3 },
  { name: "Ease of use", description: "A Pythonic API that new team members pick up quickly.", weight: 2 },
  { name: "Production deployment", description: "Serving, export formats, mobile/edge targets and the tooling around them.", weight: 3 },
  { name: "Distributed training", description: "Scaling training across many GPUs and nodes without heroics.", weight: 2 },
  { name: "Raw performance", description: "Training throughput and inference latency on our GPUs.", weight: 2 },
  { name: "Ecosystem and pre-trained models", description: "Libraries, model hubs and integrations we can reuse.", weight: 2 },
  { name: "Community and learning", description: "Answers, courses and hiring pool.", weight: 1 },
];

// Rows: PyTorch, TensorFlow, JAX; columns follow FRAMEWORK_CRITERIA. Researchers and platform
// engineers disagree on deployment and scale, which is the point of the demo.
const FRAMEWORK_BALLOTS: Record<string, (number | null)[][]> = {
  priya: [[9, 8, 7, 7, 8, 9, 9], [6, 6, 9, 8, 8, 8, 8], [8, 5, 5, 8, 9, 6, 5]],
  marco: [[8, 9, 6, 7, 8, 9, 9], [6, 5, 9, 9, 8, 8, 8], [7, 5, 4, 8, 9, 5, 4]],
  aisha: [[10, 9, 6, 6, 8, 9, 9], [5, 5, 8, 8, 7, 8, 7], [9, 6, 3, 7, 9, 5, 5]],
  tomas: [[7, 8, 5, 6, 7, 8, 8], [7, 6, 10, 9, 8, 8, 8], [6, 4, 4, 9, 8, null, null]],
  lena: [[9, 9, 8, 8, 8, 9, 9], [6, 6, 7, 7, 8, 8, 8], [8, 5, 3, 7, 9, 5, 4]],
};

const FRAMEWORK_RATIONALES: Record<string, Record<string, string>> = {
  aisha: {
    "0,0": "Eager mode and plain Python debugging are why our research prototypes ship in days, not weeks.",
    "2,2": "Serving JAX models today means exporting through a chain of converters we would have to own.",
  },
  tomas: {
    "1,2": "TF Serving and TFLite are battle-tested; we already run them for the ranking models.",
    "0,2": "TorchServe works, but our on-call knows the TensorFlow serving stack far better.",
    "1,3": "tf.distribute strategies scaled our last multi-node job with almost no custom code.",
  },
  marco: {
    "0,5": "Most new papers and pre-trained checkpoints we want to reuse are published for PyTorch first.",
  },
  lena: { "0,2": "TorchScript export plus ONNX covered every deployment target in our pilot." },
};

function matrixBallot(
  decision: { options: { id: string }[]; criteria: { id: string }[] },
  matrix: (number | null)[][],
  rationales: Record<string, string> = {},
) {
  return {
    scores: decision.options.flatMap((o, i) =>
      decision.criteria.map((c, j) => ({
        optionId: o.id,
        criterionId: c.id,
        value: matrix[i]![j] ?? null,
        rationale: rationales[`${i},${j}`],
      })),
    ),
  };
}

export async function seedDemo(db: Db): Promise<"created" | "existing"> {
  if (await db.user.findUnique({ where: { email: DEMO_USERS[0]!.email } })) return "existing";

  const actors: Record<string, Actor> = {};
  for (const user of DEMO_USERS) {
    const created = await signUp({ email: user.email, password: DEMO_PASSWORD, name: user.name });
    actors[user.key] = { userId: created.id, via: "session" };
  }
  const owner = actors.priya!;
  const project = await createProject(owner, {
    name: "ML Platform",
    description: "Shared training and serving infrastructure for every product team's models.",
  });
  for (const user of DEMO_USERS.slice(1)) {
    const invite = await createInvite(owner, project.id, { role: user.role });
    await acceptInvite(actors[user.key]!, invite.token);
  }
  const lead = actors.marco!;

  const framework = await createDecision(lead, project.id, {
    title: "Which deep-learning framework do we standardize on for training and serving?",
    context: [
      "Teams currently train with a mix of **PyTorch** and **TensorFlow**, and one research group has",
      "started using **JAX**. Every extra framework doubles our serving images, CI matrices and on-call",
      "knowledge. We want one default for new training code *and* for the models we serve.",
      "",
      "Out of scope: rewriting models that already run in production; they migrate when next retrained.",
    ].join("\n"),
    weightMode: "FIXED",
    options: [
      { name: "PyTorch", description: "Eager-first framework with TorchScript/ONNX export and TorchServe.", link: "https://pytorch.org" },
      { name: "TensorFlow", description: "Graph-first framework with Keras, TF Serving and TFLite.", link: "https://www.tensorflow.org" },
      { name: "JAX", description: "Composable function transformations on XLA; Flax for models.", link: "https://jax.readthedocs.io" },
    ],
    criteria: FRAMEWORK_CRITERIA,
  });
  await openDecision(lead, framework.id);
  for (const [key, matrix] of Object.entries(FRAMEWORK_BALLOTS)) {
    await submitBallot(actors[key]!, framework.id, {
      ...matrixBallot(framework, matrix, FRAMEWORK_RATIONALES[key]),
      comment: key === "tomas" ? "I'd accept PyTorch if we fund the serving work properly." : undefined,
    });
  }
  await closeDecision(lead, framework.id);
  await seedDemoRecords(db, actors, project.id);

  const serving = await createDecision(lead, project.id, {
    title: "How do we serve models in production?",
    context: "Once the framework is settled we need one serving path with autoscaling and canary releases.",
    weightMode: "VOTED",
    deadline: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
    options: [
      { name: "TorchServe", description: "PyTorch's own model server." },
      { name: "NVIDIA Triton", description: "Multi-framework inference server with dynamic batching." },
      { name: "KServe", description: "Kubernetes-native serving layer on top of several runtimes." },
    ],
    criteria: [
      { name: "Latency at p99" },
      { name: "Operational burden" },
      { name: "Multi-framework support" },
      { name: "Autoscaling and canaries" },
    ],
  });
  await openDecision(lead, serving.id);
  const importances = (values: number[]) => serving.criteria.map((c, i) => ({ criterionId: c.id, value: values[i]! }));
  await submitBallot(actors.aisha!, serving.id, {
    ...matrixBallot(serving, [[6, 8, 3, 6], [9, 5, 9, 7], [7, 4, 8, 9]]),
    importances: importances([8, 5, 4, 6]),
  });
  await submitBallot(actors.tomas!, serving.id, {
    ...matrixBallot(serving, [[6, 7, 2, 5], [8, 6, 9, 7], [7, 3, 8, 9]]),
    importances: importances([6, 9, 5, 8]),
  });
  await seedDemoReview(db, lead, project.id);
  return "created";
}
