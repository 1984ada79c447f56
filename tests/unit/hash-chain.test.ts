// The canonical form and the hash chain, pinned on cases checked by hand. The expected hashes were
// computed outside Node with `echo -n '<prev hash><canonical JSON>' | sha256sum`.
import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/domain/canonical-json";
import {
  ChainVerifier,
  GENESIS_HASH,
  hashEvent,
  hashedText,
  hashedTextAround,
  type ChainAnchor,
  type StoredEvent,
} from "@/lib/domain/hash-chain";

describe("canonical JSON", () => {
  it("sorts object keys by UTF-16 code unit, uppercase before underscore before lowercase", () => {
    expect(canonicalJson({ b: 1, a: 2, A: 3, _: 4, "10": 5, "9": 6 })).toBe(
      '{"10":5,"9":6,"A":3,"_":4,"a":2,"b":1}',
    );
  });

  it("orders keys outside the Basic Multilingual Plane by their surrogate code units, as JavaScript compares strings", () => {
    // U+1F600 is stored as \uD83D\uDE00, which sorts before U+FFFF; the order is what has always been hashed.
    expect(canonicalJson({ "\uffff": 1, "😀": 2, é: 3 })).toBe('{"é":3,"😀":2,"\uffff":1}');
  });

  it("sorts nested objects at every depth and keeps array order", () => {
    const value = { z: [[3, [2, { b: 1, a: [] }]], null], a: { y: { d: 1, c: 2 }, x: [] } };
    expect(canonicalJson(value)).toBe('{"a":{"x":[],"y":{"c":2,"d":1}},"z":[[3,[2,{"a":[],"b":1}]],null]}');
  });

  it("drops undefined members of objects and writes undefined array items as null", () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1], c: null })).toBe('{"b":[null,1],"c":null}');
  });

  it("writes no whitespace at all", () => {
    expect(canonicalJson({ list: [1, 2], nested: { key: "a b" } })).toBe(
      '{"list":[1,2],"nested":{"key":"a b"}}',
    );
  });

  it("keeps non-ASCII text as UTF-8 and escapes only quotes, backslashes and control characters", () => {
    expect(canonicalJson("Zoë ✓ 😀")).toBe('"Zoë ✓ 😀"');
    expect(canonicalJson('say "hi"\\\n\t\u0001')).toBe('"say \\"hi\\"\\\\\\n\\t\\u0001"');
    expect(canonicalJson("\u2028")).toBe('"\u2028"');
    // A lone surrogate cannot be encoded as UTF-8, so it is escaped rather than mangled.
    expect(canonicalJson("\ud800")).toBe('"\\ud800"');
  });

  it("writes numbers the way JSON.stringify does: shortest round-trip form", () => {
    expect(canonicalJson([1.0, -0, 0.1 + 0.2, 1e21, 1e-7, -12.5, 2 ** 53])).toBe(
      "[1,0,0.30000000000000004,1e+21,1e-7,-12.5,9007199254740992]",
    );
  });

  it("writes true, false, null and dates (as ISO 8601 in UTC)", () => {
    expect(canonicalJson([true, false, null, new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678))])).toBe(
      '[true,false,null,"2026-01-02T03:04:05.678Z"]',
    );
  });

  it("refuses values JSON cannot hold", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/NaN or Infinity/);
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow(/NaN or Infinity/);
    expect(() => canonicalJson(10n)).toThrow(/bigint/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
  });
});

const first = {
  projectId: "p1",
  seq: 1,
  at: "2026-01-02T03:04:05.678Z",
  actorId: "u1",
  action: "project.created",
  entityType: "project",
  entityId: "p1",
  data: { name: "Zo\u00eb" },
};
const FIRST_CANONICAL =
  '{"action":"project.created","actorId":"u1","at":"2026-01-02T03:04:05.678Z","data":{"name":"Zoë"},"entityId":"p1","entityType":"project","projectId":"p1","seq":1}';
const FIRST_HASH = "adcc3ba678ab4896d6df52f72a7e4770bd8351abdb12c8f98a28c16dd2638745";

const second = {
  projectId: "p1",
  seq: 2,
  at: "2026-01-02T03:04:06.000Z",
  actorId: null,
  action: "member.role_changed",
  entityType: "member",
  entityId: "u2",
  data: { before: { role: "MEMBER" }, after: { role: "LEAD" } },
};
const SECOND_HASH = "4fd4f4dc9fec687623f745467b3016f2d1a301e9e8495f2bb612c556266eed85";

function chain(): StoredEvent[] {
  return [
    { ...first, prevHash: GENESIS_HASH, hash: FIRST_HASH },
    { ...second, prevHash: FIRST_HASH, hash: SECOND_HASH },
  ];
}

describe("hashEvent", () => {
  it("hashes the canonical JSON of the eight chained fields, starting from the empty genesis hash", () => {
    expect(GENESIS_HASH).toBe("");
    expect(canonicalJson(first)).toBe(FIRST_CANONICAL);
    expect(hashEvent(GENESIS_HASH, first)).toBe(FIRST_HASH);
  });

  it("prefixes the previous hash as hex text, so each event seals the one before", () => {
    expect(hashEvent(FIRST_HASH, second)).toBe(SECOND_HASH);
    expect(hashEvent("0".repeat(64), second)).not.toBe(SECOND_HASH);
  });

  it("ignores the key order of the input and any fields outside the hashed eight", () => {
    const reordered = {
      data: { name: "Zoë" },
      seq: 1,
      entityId: "p1",
      entityType: "project",
      at: first.at,
      action: first.action,
      actorId: "u1",
      projectId: "p1",
    };
    expect(hashEvent("", reordered)).toBe(FIRST_HASH);
    expect(hashEvent("", { ...first, prevHash: "x", hash: "y" } as typeof first)).toBe(FIRST_HASH);
  });

  it("changes when any hashed field changes, including a null actor becoming a string", () => {
    const variants = [
      { ...first, projectId: "p2" },
      { ...first, seq: 2 },
      { ...first, at: "2026-01-02T03:04:05.679Z" },
      { ...first, actorId: null },
      { ...first, action: "project.renamed" },
      { ...first, entityType: "decision" },
      { ...first, entityId: "p2" },
      { ...first, data: { name: "Zoe" } },
    ];
    for (const variant of variants) expect(hashEvent("", variant)).not.toBe(FIRST_HASH);
    expect(hashEvent(FIRST_HASH, { ...second, actorId: "null" })).not.toBe(SECOND_HASH);
  });
});

describe("hashedTextAround (the text a statement completes with the time and number it reserves)", () => {
  it("gives back hashedText's exact text once the time and the number are put in", () => {
    const { at, seq, ...rest } = second;
    const { before, between } = hashedTextAround(rest);
    expect(FIRST_HASH + before + at + between + String(seq) + "}").toBe(hashedText(FIRST_HASH, second));
    expect(between.endsWith(',"seq":')).toBe(true);
  });

  it("works for numbers of any width and refuses data that holds its marker", () => {
    const { at, ...rest } = first;
    const { before, between } = hashedTextAround(rest);
    expect(before + at + between + "12345}").toBe(hashedText("", { ...first, seq: 12345 }));
    expect(() => hashedTextAround({ ...rest, data: { note: "\u0000at\u0000" } })).toThrow(/single place/);
  });
});

describe("ChainVerifier", () => {
  it("accepts an intact chain and reports its length and head", () => {
    const verifier = new ChainVerifier();
    for (const event of chain()) expect(verifier.push(event)).toBe(true);
    expect(verifier.finish({ count: 2, headHash: SECOND_HASH })).toEqual({
      status: "intact",
      count: 2,
      headHash: SECOND_HASH,
    });
  });

  it("accepts an empty chain that the project says is empty", () => {
    expect(new ChainVerifier().finish({ count: 0, headHash: "" })).toEqual({
      status: "intact",
      count: 0,
      headHash: "",
    });
  });

  it("names the event whose content no longer matches its hash", () => {
    const [one, two] = chain();
    const verifier = new ChainVerifier();
    verifier.push(one!);
    expect(verifier.push({ ...two!, data: { before: { role: "MEMBER" }, after: { role: "OWNER" } } })).toBe(
      false,
    );
    const result = verifier.finish({ count: 2, headHash: SECOND_HASH });
    expect(result).toMatchObject({ status: "broken", firstBadSeq: 2, count: 1, headHash: FIRST_HASH });
    expect(result.status === "broken" && result.problem).toMatchObject({
      reason: "event content does not match its hash",
      found: SECOND_HASH,
    });
  });

  it("names the event whose previous-hash link is wrong, even if its own hash was recomputed", () => {
    const [one, two] = chain();
    const forgedPrev = "f".repeat(64);
    const forged = { ...two!, prevHash: forgedPrev, hash: hashEvent(forgedPrev, two!) };
    const verifier = new ChainVerifier();
    verifier.push(one!);
    verifier.push(forged);
    expect(verifier.finish()).toMatchObject({
      status: "broken",
      firstBadSeq: 2,
      problem: { reason: "previous hash does not match", expected: FIRST_HASH, found: forgedPrev },
    });
  });

  it("reports a missing event at the sequence number that is missing", () => {
    const [, two] = chain();
    const verifier = new ChainVerifier();
    expect(verifier.push(two!)).toBe(false);
    expect(verifier.finish()).toMatchObject({
      status: "broken",
      firstBadSeq: 1,
      problem: { reason: "missing event (sequence gap)" },
    });
  });

  it("reports a repeated sequence number as out of order", () => {
    const [one] = chain();
    const verifier = new ChainVerifier();
    verifier.push(one!);
    verifier.push(one!);
    expect(verifier.finish()).toMatchObject({
      status: "broken",
      firstBadSeq: 2,
      problem: { reason: "sequence out of order" },
    });
  });

  it("catches a chain that stops short of the project's recorded count and head", () => {
    const [one] = chain();
    const verifier = new ChainVerifier();
    verifier.push(one!);
    expect(verifier.finish({ count: 2, headHash: SECOND_HASH })).toMatchObject({
      status: "broken",
      count: 1,
      firstBadSeq: 2,
      problem: { reason: "events missing at the end of the chain" },
    });
  });

  it("keeps the first break and ignores everything pushed after it", () => {
    const [one, two] = chain();
    const verifier = new ChainVerifier();
    verifier.push({ ...one!, hash: "0".repeat(64) });
    expect(verifier.failed).toBe(true);
    expect(verifier.push(two!)).toBe(false);
    expect(verifier.finish()).toMatchObject({ firstBadSeq: 1, count: 0, headHash: "" });
  });
});

describe("ChainVerifier with anchors kept outside the event table", () => {
  const verify = (events: StoredEvent[], anchors: ChainAnchor[]) => {
    const verifier = new ChainVerifier(anchors);
    for (const event of events) verifier.push(event);
    const head = events.at(-1);
    // The project row was rolled back with the tail, so it agrees with what is left.
    return verifier.finish({ count: events.length, headHash: head?.hash ?? "" });
  };
  const record = (seq: number | null, hash: string): ChainAnchor => ({
    seq,
    hash,
    source: "the record of decision #1",
  });

  it("is intact when every anchor is in the chain, by seq or by hash alone", () => {
    expect(verify(chain(), [record(2, SECOND_HASH), record(null, FIRST_HASH), record(0, "")])).toMatchObject({
      status: "intact",
      count: 2,
    });
  });

  it("reports a tail missing after the last event present when an anchor lies beyond it", () => {
    const result = verify(chain().slice(0, 1), [record(2, SECOND_HASH)]);
    expect(result).toMatchObject({
      status: "broken",
      count: 1,
      firstBadSeq: 2,
      problem: {
        reason: "tail missing after seq 1",
        found: `the chain ends at event #1 with hash ${FIRST_HASH}`,
      },
    });
    expect(result.status === "broken" && result.problem.expected).toContain("the record of decision #1");
  });

  it("reports a tail missing when a hash-only anchor never comes by", () => {
    expect(verify(chain().slice(0, 1), [record(null, SECOND_HASH)])).toMatchObject({
      status: "broken",
      firstBadSeq: 2,
      problem: { reason: "tail missing after seq 1" },
    });
  });

  it("names the anchored seq when the chain has that seq with another hash", () => {
    expect(verify(chain(), [record(2, "ab".repeat(32))])).toMatchObject({
      status: "broken",
      firstBadSeq: 2,
      count: 1,
    });
  });
});
