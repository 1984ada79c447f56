// Whether an IP address is on the public internet. Webhooks call URLs that owners type in; without
// this, a URL could make the server reach its own loopback, the private network behind it, or a
// cloud metadata service (169.254.169.254).
import ipaddr from "ipaddr.js";

export interface AddressVerdict {
  address: string;
  isPublic: boolean;
  /** ipaddr.js's name for the range ("private", "loopback", "linkLocal", … or "unicast"). */
  range: string;
  /** Why a non-public address is refused, in words. */
  reason: string | null;
}

const REASONS: Record<string, string> = {
  unspecified: "an unspecified address (0.0.0.0 or ::)",
  loopback: "a loopback address (this server itself)",
  private: "a private network address (RFC 1918)",
  uniqueLocal: "a private IPv6 address (unique local, fc00::/7)",
  linkLocal: "a link-local address (such as the cloud metadata service 169.254.169.254)",
  carrierGradeNat: "a carrier-grade NAT address (100.64.0.0/10)",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
  reserved: "a reserved address",
  benchmarking: "a benchmarking address (198.18.0.0/15)",
};

export function classifyAddress(raw: string): AddressVerdict {
  const text = raw.trim().replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(text))
    return { address: text, isPublic: false, range: "invalid", reason: "not an IP address" };
  let parsed = ipaddr.parse(text);
  // ::ffff:10.0.0.1 reaches 10.0.0.1: judge the IPv4 address inside.
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  const range = parsed.range();
  // Only ordinary unicast is public. Translation ranges (NAT64, 6to4, Teredo) can carry a private
  // IPv4 address inside, so they are refused with the rest.
  if (range === "unicast") return { address: parsed.toString(), isPublic: true, range, reason: null };
  return {
    address: parsed.toString(),
    isPublic: false,
    range,
    reason: REASONS[range] ?? `a special-purpose address (${range})`,
  };
}
