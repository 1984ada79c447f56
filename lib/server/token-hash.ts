import "server-only";
import crypto from "node:crypto";

/** Tokens (API tokens, invite links) are stored only as their SHA-256. */
export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
