import "server-only";

/**
 * An absolute address in the app from its public address (AUTH_URL), for text that leaves the app
 * (a record file in git, a webhook body); null without one, since a relative link would point nowhere.
 */
export function publicUrl(path: string): string | null {
  const base = process.env.AUTH_URL?.trim();
  if (!base || !/^https?:\/\//i.test(base)) return null;
  try {
    return new URL(path.replace(/^\//, ""), base.endsWith("/") ? base : `${base}/`).toString();
  } catch {
    return null;
  }
}
