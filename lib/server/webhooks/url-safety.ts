import "server-only";
import dns from "node:dns";
import net from "node:net";
import { classifyAddress } from "../../domain/network-address";
import { AppError } from "../../errors";

/** Raised when a webhook's host is, or resolves to, an address it may not reach. */
export class AddressRefusedError extends Error {
  readonly code = "EADDRREFUSED";
  constructor(message: string) {
    super(message);
    this.name = "AddressRefusedError";
  }
}

const REGISTRATION_LOOKUP_MS = 3_000;

export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "");
}

function refusal(host: string, address: string, reason: string) {
  const shown = host === address ? address : `${host} (${address})`;
  return `${shown} is ${reason}. Webhooks only call public addresses unless "allow private addresses" is ticked for this webhook.`;
}

/**
 * Checked when a webhook is saved: the host and every address it resolves to now. A host that does
 * not resolve at all is accepted (DNS may be down, or the name not published yet): every delivery is
 * checked again against the address it actually connects to.
 */
export async function assertWebhookUrlAllowed(rawUrl: string, allowPrivate: boolean) {
  if (allowPrivate) return;
  const url = new URL(rawUrl);
  const host = hostOf(url);
  let addresses: string[];
  if (net.isIP(host)) addresses = [host];
  else {
    try {
      // A resolver that does not answer must not hold the owner's form: delivery checks again anyway.
      const answer = await Promise.race([
        dns.promises.lookup(host, { all: true, verbatim: true }),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error("DNS timed out")), REGISTRATION_LOOKUP_MS).unref(),
        ),
      ]);
      addresses = answer.map((entry) => entry.address);
    } catch {
      return;
    }
  }
  for (const address of addresses) {
    const verdict = classifyAddress(address);
    if (!verdict.isPublic) {
      throw new AppError("unprocessable", refusal(host, verdict.address, verdict.reason ?? "not public"), {
        field: "url",
        issues: [{ path: "url", message: refusal(host, verdict.address, verdict.reason ?? "not public") }],
      });
    }
  }
}

/** Why connecting to `address` is refused, or null when it is allowed. */
export function refusedAddress(host: string, address: string, allowPrivate: boolean): string | null {
  if (allowPrivate) return null;
  const verdict = classifyAddress(address);
  return verdict.isPublic ? null : refusal(host, verdict.address, verdict.reason ?? "not public");
}

/**
 * A `lookup` for http.request that hands the socket only addresses that pass the check, so the
 * address connected to is the address checked (a DNS answer cannot change in between).
 */
export function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return ((hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    dns.lookup(hostname, { ...options, all: true, verbatim: true }, (error, entries) => {
      if (error) return callback(error);
      const list = entries as dns.LookupAddress[];
      const allowed = list.filter((entry) => refusedAddress(hostname, entry.address, allowPrivate) === null);
      if (allowed.length === 0) {
        const first = list[0];
        return callback(
          new AddressRefusedError(
            first ? refusedAddress(hostname, first.address, allowPrivate)! : `${hostname} has no address.`,
          ),
        );
      }
      if (options.all) return callback(null, allowed);
      return callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  }) as net.LookupFunction;
}
