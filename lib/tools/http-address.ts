// Which addresses an HTTP tool may reach: public unicast only. Loopback, private, link-local, carrier-grade
// NAT, cloud metadata, multicast, documentation and reserved ranges are refused, in IPv4 and IPv6, and
// IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address.
import { isIP } from "node:net";

type Range = { base: bigint; bits: number; reason: string };

function ipv4Range(cidr: string, reason: string): Range {
  const [address, bits] = cidr.split("/");
  return { base: BigInt(parseIpv4(address!)!), bits: Number(bits), reason };
}

const blockedIpv4: Range[] = [
  ipv4Range("169.254.169.254/32", "a cloud metadata address"),
  ipv4Range("100.100.100.200/32", "a cloud metadata address"),
  ipv4Range("0.0.0.0/8", "a 'this network' address"),
  ipv4Range("10.0.0.0/8", "a private address"),
  ipv4Range("100.64.0.0/10", "a carrier-grade NAT address"),
  ipv4Range("127.0.0.0/8", "a loopback address"),
  ipv4Range("169.254.0.0/16", "a link-local address"),
  ipv4Range("172.16.0.0/12", "a private address"),
  ipv4Range("192.0.0.0/24", "an IETF protocol address"),
  ipv4Range("192.0.2.0/24", "a documentation address"),
  ipv4Range("192.88.99.0/24", "a 6to4 relay address"),
  ipv4Range("192.168.0.0/16", "a private address"),
  ipv4Range("198.18.0.0/15", "a benchmarking address"),
  ipv4Range("198.51.100.0/24", "a documentation address"),
  ipv4Range("203.0.113.0/24", "a documentation address"),
  ipv4Range("224.0.0.0/4", "a multicast address"),
  ipv4Range("240.0.0.0/4", "a reserved address"),
];

export function parseIpv4(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return null;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

export function parseIpv6(text: string): bigint | null {
  let address = text.replace(/%.*$/, "").toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (tail) {
    const ipv4 = parseIpv4(tail[1]!);
    if (ipv4 === null) return null;
    address = `${address.slice(0, -tail[1]!.length)}${(ipv4 >>> 16).toString(16)}:${(ipv4 & 0xffff).toString(16)}`;
  }
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - rest.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (groups.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return null;
  return groups.reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}

function inRange(value: bigint, width: number, base: bigint, bits: number): boolean {
  const shift = BigInt(width - bits);
  return value >> shift === base >> shift;
}

function ipv6(text: string): bigint {
  return parseIpv6(text)!;
}

function classifyIpv4(value: number): string | null {
  return blockedIpv4.find((range) => inRange(BigInt(value), 32, range.base, range.bits))?.reason ?? null;
}

// IPv6 prefixes whose low bits carry an IPv4 address: judged by that address.
const embeddingPrefixes: Array<{ base: bigint; bits: number; extract: (value: bigint) => bigint }> = [
  { base: ipv6("::ffff:0:0"), bits: 96, extract: (value) => value & 0xffffffffn },
  { base: ipv6("64:ff9b::"), bits: 96, extract: (value) => value & 0xffffffffn },
  { base: ipv6("::"), bits: 96, extract: (value) => value & 0xffffffffn },
  { base: ipv6("2002::"), bits: 16, extract: (value) => (value >> 80n) & 0xffffffffn },
];

const blockedIpv6: Range[] = [
  { base: ipv6("fd00:ec2::254"), bits: 128, reason: "a cloud metadata address" },
  { base: ipv6("2001::"), bits: 23, reason: "an IETF protocol address" },
  { base: ipv6("2001:db8::"), bits: 32, reason: "a documentation address" },
];

function classifyIpv6(value: bigint): string | null {
  if (value === 0n) return "an unspecified address";
  if (value === 1n) return "a loopback address";
  for (const prefix of embeddingPrefixes) {
    if (inRange(value, 128, prefix.base, prefix.bits)) return classifyIpv4(Number(prefix.extract(value)));
  }
  const listed = blockedIpv6.find((range) => inRange(value, 128, range.base, range.bits));
  if (listed) return listed.reason;
  if (inRange(value, 128, ipv6("fc00::"), 7)) return "a private (unique local) address";
  if (inRange(value, 128, ipv6("fe80::"), 10)) return "a link-local address";
  // Only 2000::/3 is allocated as global unicast; everything else (multicast, site-local, reserved) stays out.
  return inRange(value, 128, ipv6("2000::"), 3) ? null : "not a public unicast address";
}

/** Why this IP address may not be reached, or null when it is a public address. Non-IPs are refused. */
export function blockedAddressReason(address: string): string | null {
  const version = isIP(address);
  if (version === 4) return classifyIpv4(parseIpv4(address)!);
  if (version === 6) {
    const value = parseIpv6(address);
    return value === null ? "not a valid address" : classifyIpv6(value);
  }
  return "not an IP address";
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
