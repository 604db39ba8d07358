import { describe, expect, it } from "vitest";
import { blockedAddressReason, isAllowlisted, isBlockedHostname, parseAllowlist, parseIpv6 } from "./http-address";

describe("blockedAddressReason", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "cloud metadata"],
    ["169.254.10.10", "link-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.255", "carrier-grade NAT"],
    ["100.100.100.200", "cloud metadata"],
    ["0.0.0.0", "this network"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:169.254.169.254", "cloud metadata"],
    ["::ffff:10.0.0.1", "private"],
    ["::127.0.0.1", "loopback"],
    ["64:ff9b::a9fe:a9fe", "cloud metadata"],
    ["2002:c0a8:0101::1", "private"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["fc00::1", "private"],
    ["fd00:ec2::254", "cloud metadata"],
    ["ff02::1", "not a public unicast"],
    ["2001:db8::1", "documentation"],
    ["not-an-ip", "not an IP"],
    ["2130706433", "loopback"],
    ["0x7f.1", "loopback"],
    ["0177.0.0.1", "loopback"],
    ["127.1", "loopback"],
    ["0", "this network"],
    ["0xa9fea9fe", "cloud metadata"],
    ["0:0:0:0:0:ffff:a9fe:a9fe", "cloud metadata"],
    ["[::1]", "not an IP"],
  ])("refuses %s (%s)", (address, reason) => {
    expect(blockedAddressReason(address)).toContain(reason);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "2a00:1450:4001::200e"])("allows public %s", (address) => {
    expect(blockedAddressReason(address)).toBeNull();
  });

  it("parses IPv6 forms and rejects malformed ones", () => {
    expect(parseIpv6("::1")).toBe(1n);
    expect(parseIpv6("1:2:3:4:5:6:7:8")).toBe(0x00010002000300040005000600070008n);
    expect(parseIpv6("1::2::3")).toBeNull();
    expect(parseIpv6("1:2:3")).toBeNull();
    expect(parseIpv6("::gggg")).toBeNull();
  });
});

describe("host names and the allowlist", () => {
  it("refuses internal names", () => {
    for (const name of ["localhost", "api.localhost", "metadata.google.internal", "metadata", "LOCALHOST."]) expect(isBlockedHostname(name)).toBe(true);
    expect(isBlockedHostname("example.com")).toBe(false);
  });

  it("parses OSMEN_HTTP_ALLOWLIST with exact and wildcard entries", () => {
    const allowlist = parseAllowlist(" 127.0.0.1, localhost  *.corp.example [::1]");
    expect(allowlist).toEqual(["127.0.0.1", "localhost", "*.corp.example", "::1"]);
    expect(isAllowlisted("api.corp.example", allowlist)).toBe(true);
    expect(isAllowlisted("corp.example", allowlist)).toBe(false);
    expect(isAllowlisted("LOCALHOST", allowlist)).toBe(true);
    expect(isAllowlisted("::1", allowlist)).toBe(true);
    expect(isAllowlisted("evil-corp.example", allowlist)).toBe(false);
  });
});
