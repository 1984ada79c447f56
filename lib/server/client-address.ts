// Which client sent a request, as far as the server can know it.
import { BlockList, isIP } from "node:net";

/** The key every client shares when the server cannot tell them apart. */
export const UNKNOWN_CLIENT = "direct";

function trustedProxies(): BlockList | null {
  const raw = process.env.TRUSTED_PROXIES?.trim();
  if (!raw) return null;
  const list = new BlockList();
  for (const entry of raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, prefix] = entry.split("/");
    const family = isIP(address ?? "");
    if (!family) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range.`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(prefix), type);
  }
  return list;
}

function normalize(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

function isTrusted(list: BlockList, address: string) {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address for rate limits. Anyone can write an X-Forwarded-For header, and Next keeps a
 * client's own header instead of adding the socket address, so the header is believed only when
 * TRUSTED_PROXIES names the proxies in front of the app: reading it from the right, each trusted
 * proxy is skipped and the first address that is not one of them is the client. Without
 * TRUSTED_PROXIES every client is the same unknown one.
 */
export function clientAddress(headers: Headers | undefined | null): string {
  const proxies = trustedProxies();
  const forwarded = headers?.get("x-forwarded-for");
  if (!proxies || !forwarded) return UNKNOWN_CLIENT;
  const hops = forwarded.split(",").map(normalize).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) return UNKNOWN_CLIENT;
    if (!isTrusted(proxies, hop)) return hop;
  }
  // Every hop is a proxy of ours: the request started inside, at the leftmost one.
  return hops[0] ?? UNKNOWN_CLIENT;
}
