// Repository credentials at rest: AES-256-GCM under VERDICT_SECRET_KEY, bound to their project (the
// project id is the associated data), so a ciphertext copied to another project's row does not open.
import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "../../errors";

export interface RepositoryCredentials {
  username: string;
  secret: string;
}

const VERSION = "v1";

export const MISSING_KEY_MESSAGE =
  "This server has no VERDICT_SECRET_KEY, so it cannot keep repository credentials. Ask whoever runs it to set " +
  "VERDICT_SECRET_KEY to 32 random bytes in base64 (openssl rand -base64 32) and restart; a repository that " +
  "needs no credentials (a public https or a file:// remote) can be connected meanwhile.";

/** The key, or null when the server has none configured. A malformed key is a start-up mistake: said loudly. */
export function secretKey(): Buffer | null {
  const raw = process.env.VERDICT_SECRET_KEY?.trim();
  if (!raw) return null;
  const key = Buffer.from(raw, "base64");
  if (key.length !== 32) {
    throw new AppError(
      "unprocessable",
      `VERDICT_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32); it decodes to ${key.length} bytes.`,
    );
  }
  return key;
}

export function hasSecretKey(): boolean {
  try {
    return secretKey() !== null;
  } catch {
    return false;
  }
}

export function encryptCredentials(projectId: string, credentials: RepositoryCredentials): string {
  const key = secretKey();
  if (!key)
    throw new AppError("unprocessable", MISSING_KEY_MESSAGE, {
      issues: [{ path: "credentials", message: "Not kept: the server has no key." }],
    });
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(projectId, "utf8"));
  const plain = Buffer.from(JSON.stringify({ u: credentials.username, s: credentials.secret }), "utf8");
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64"),
    cipher.getAuthTag().toString("base64"),
    sealed.toString("base64"),
  ].join(".");
}

/** The stored credentials in clear, for one git call; a key that changed since they were stored is said plainly. */
export function decryptCredentials(projectId: string, stored: string): RepositoryCredentials {
  const key = secretKey();
  const unusable = new AppError(
    "conflict",
    key
      ? "The stored repository credentials cannot be read with this server's VERDICT_SECRET_KEY (was the key changed?). An owner must enter them again."
      : MISSING_KEY_MESSAGE,
  );
  if (!key) throw unusable;
  const [version, iv, tag, sealed] = stored.split(".");
  if (version !== VERSION || !iv || !tag || sealed === undefined) throw unusable;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
    decipher.setAAD(Buffer.from(projectId, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed, "base64")), decipher.final()]).toString(
      "utf8",
    );
    const parsed = JSON.parse(plain) as { u: string; s: string };
    return { username: parsed.u, secret: parsed.s };
  } catch {
    throw unusable;
  }
}
