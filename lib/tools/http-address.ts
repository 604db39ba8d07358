// Which addresses an HTTP tool (or a model node's Base URL) may reach: public unicast only. Loopback, private,
// link-local, carrier-grade NAT, cloud metadata, multicast, documentation and reserved ranges are refused, in
// IPv4 and IPv6, and IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that
// address. Addresses are parsed by ipaddr.js, which reads every spelling (decimal `2130706433`, octal `0177.0.0.1`,
// hex `0x7f.1`, short `127.1`, zone ids) the way URL parsers and socket APIs do.
import ipaddr from "ipaddr.js";

type Range<Address> = { range: [Address, number]; reason: string };

const ipv4Range = (cidr: string, reason: string): Range<ipaddr.IPv4> => ({ range: ipaddr.IPv4.parseCIDR(cidr), reason });
const ipv6Range = (cidr: string, reason: string): Range<ipaddr.IPv6> => ({ range: ipaddr.IPv6.parseCIDR(cidr), reason });

// Sources: IANA's IPv4/IPv6 Special-Purpose Address Registries (RFC 6890) and the clouds' metadata addresses.
// ipaddr.js's `range()` names the special ranges; the lists below come first because they are narrower than
// its names (a metadata address inside link-local or carrier-grade NAT space, documentation inside "reserved").
const namedIpv4 = [
  ipv4Range("169.254.169.254/32", "a cloud metadata address"),
  ipv4Range("100.100.100.200/32", "a cloud metadata address"),
  ipv4Range("192.0.0.0/24", "an IETF protocol address"),
  ipv4Range("192.0.2.0/24", "a documentation address"),
  ipv4Range("192.88.99.0/24", "a 6to4 relay address"),
  ipv4Range("198.18.0.0/15", "a benchmarking address"),
  ipv4Range("198.51.100.0/24", "a documentation address"),
  ipv4Range("203.0.113.0/24", "a documentation address"),
];

// ipaddr.js range names that are refused; its other names (unicast, as112, amt) are public.
const ipv4RangeReasons: Record<string, string> = {
  unspecified: "a 'this network' address",
  broadcast: "a reserved address",
  multicast: "a multicast address",
  linkLocal: "a link-local address",
  loopback: "a loopback address",
  carrierGradeNat: "a carrier-grade NAT address",
  private: "a private address",
  reserved: "a reserved address",
};

const namedIpv6 = [
  ipv6Range("fd00:ec2::254/128", "a cloud metadata address"),
  ipv6Range("2001::/23", "an IETF protocol address"),
  ipv6Range("2001:db8::/32", "a documentation address"),
];

const ipv6RangeReasons: Record<string, string> = {
  unspecified: "an unspecified address",
  loopback: "a loopback address",
  linkLocal: "a link-local address",
  uniqueLocal: "a private (unique local) address",
};

// IPv6 prefixes whose low bits carry an IPv4 address: judged by that address. The offset is the byte where it
// starts. IPv4-mapped addresses (::ffff:0:0/96) never get here: ipaddr.process turns them into IPv4 first.
const embeddingPrefixes: Array<{ range: [ipaddr.IPv6, number]; offset: number }> = [
  { range: ipaddr.IPv6.parseCIDR("64:ff9b::/96"), offset: 12 },
  { range: ipaddr.IPv6.parseCIDR("::/96"), offset: 12 },
  { range: ipaddr.IPv6.parseCIDR("2002::/16"), offset: 2 },
];

const globalUnicast = ipaddr.IPv6.parseCIDR("2000::/3");

/** An IPv6 address (zone id ignored, embedded dotted IPv4 allowed) as a 128-bit number, or null. */
export function parseIpv6(text: string): bigint | null {
  if (!ipaddr.IPv6.isValid(text)) return null;
  return ipaddr.IPv6.parse(text).toByteArray().reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}

function classifyIpv4(address: ipaddr.IPv4): string | null {
  return namedIpv4.find((entry) => address.match(entry.range))?.reason ?? ipv4RangeReasons[address.range()] ?? null;
}

function classifyIpv6(address: ipaddr.IPv6): string | null {
  const named = namedIpv6.find((entry) => address.match(entry.range))?.reason ?? ipv6RangeReasons[address.range()];
  if (named) return named;
  const embedding = embeddingPrefixes.find((prefix) => address.match(prefix.range));
  if (embedding) return classifyIpv4(new ipaddr.IPv4(address.toByteArray().slice(embedding.offset, embedding.offset + 4)));
  // Only 2000::/3 is allocated as global unicast; everything else (multicast, site-local, reserved) stays out.
  return address.match(globalUnicast) ? null : "not a public unicast address";
}

/** Why this IP address may not be reached, or null when it is a public address. Non-IPs are refused. */
export function blockedAddressReason(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(address);
  } catch {
    return "not an IP address";
  }
  return parsed.kind() === "ipv4" ? classifyIpv4(parsed as ipaddr.IPv4) : classifyIpv6(parsed as ipaddr.IPv6);
}

const blockedHostnames = [/^localhost$/, /\.localhost$/, /^metadata$/, /^metadata\.google\.internal$/, /\.internal$/];

export function isBlockedHostname(hostname: string): boolean {
  return blockedHostnames.some((pattern) => pattern.test(hostname.toLowerCase().replace(/\.$/, "")));
}

/** `OSMEN_HTTP_ALLOWLIST`: comma- or space-separated host names or addresses; "*.example.com" covers subdomains. */
export function parseAllowlist(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[\s,]+/)
    .map((entry) => entry.trim().toLowerCase().replace(/^\[|\]$/g, ""))
    .filter(Boolean);
}

export function isAllowlisted(hostname: string, allowlist: string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return allowlist.some((entry) => (entry.startsWith("*.") ? host.endsWith(entry.slice(1)) : host === entry));
}
