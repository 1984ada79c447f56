import { describe, expect, it } from "vitest";
import { findMentions } from "@/lib/domain/mentions";

const members = [
  { userId: "u1", name: "Aisha Khan", email: "aisha@example.test" },
  { userId: "u2", name: "Ben Ortiz", email: "bortiz@example.test" },
  { userId: "u3", name: "Ben Lee", email: "blee@example.test" },
];

describe("findMentions", () => {
  it("matches full names without spaces, unique first names and email local parts", () => {
    expect(findMentions("@aishakhan what do you think?", members)).toEqual(["u1"]);
    expect(findMentions("Thanks @Aisha.Khan and @aisha!", members)).toEqual(["u1"]);
    expect(findMentions("cc @bortiz, @ben.lee.", members)).toEqual(["u2", "u3"]);
  });

  it("ignores ambiguous first names, unknown handles, emails and code", () => {
    expect(findMentions("@ben can you look", members)).toEqual([]);
    expect(findMentions("@nobody here", members)).toEqual([]);
    expect(findMentions("mail aisha@example.test", members)).toEqual([]);
    expect(findMentions("use `@aisha` or\n```\n@bortiz\n```", members)).toEqual([]);
  });
});
