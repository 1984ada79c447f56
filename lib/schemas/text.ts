// Text the database can store. PostgreSQL refuses a NUL character in text columns, and a lone UTF-16
// surrogate cannot be encoded as UTF-8 at all; either one used to reach the database and come back as a
// 500. Every string in a request schema is built here so such input is a 422 naming its field.
import { z } from "zod";

// Zod compiles fast parsers with `new Function` where it may. The app's CSP forbids eval, and the
// browser reports zod's probe for it as a violation even though zod catches the refusal; forms
// parse little, so browsers skip the compiler. (The server has no CSP and keeps it.)
if (typeof window !== "undefined") z.config({ jitless: true });

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasNul = (value: string) => value.includes("\u0000");
export const hasLoneSurrogate = (value: string) => LONE_SURROGATE.test(value);

export function isStorableText(value: string): boolean {
  return !hasNul(value) && !hasLoneSurrogate(value);
}

/** `z.string()` that refuses what the database cannot store, saying which of the two it was. */
export function safeText(params?: Parameters<typeof z.string>[0]) {
  return z
    .string(params)
    .refine((value) => !hasNul(value), { error: "Text cannot contain a NUL character (U+0000)." })
    .refine((value) => !hasLoneSurrogate(value), {
      error: "Text contains a broken character (an unpaired UTF-16 surrogate); re-type or re-paste it.",
    });
}

// Ids in API paths: cuids, invite tokens (base64url), sequence and version numbers. Anything else
// cannot name a row, so it is answered 404 before the database sees it.
const PLAUSIBLE_ID = /^[A-Za-z0-9_-]{1,100}$/;

export const isPlausibleId = (value: string) => PLAUSIBLE_ID.test(value);
