import { afterEach, describe, expect, it } from "vitest";
import { clientAddress, UNKNOWN_CLIENT } from "@/lib/server/client-address";

const withForwarded = (value: string) => new Headers({ "x-forwarded-for": value });

describe("the client address used for rate limits", () => {
  afterEach(() => {
    delete process.env.TRUSTED_PROXIES;
  });

  it("ignores X-Forwarded-For when no proxy is trusted, so rotating the header changes nothing", () => {
    const keys = new Set(
      ["1.1.1.1", "2.2.2.2", "3.3.3.3, 10.0.0.1"].map((v) => clientAddress(withForwarded(v))),
    );
    expect([...keys]).toEqual([UNKNOWN_CLIENT]);
    expect(clientAddress(new Headers())).toBe(UNKNOWN_CLIENT);
  });

  it("behind trusted proxies, takes the rightmost address that is not one of them", () => {
    process.env.TRUSTED_PROXIES = "10.0.0.0/8, 192.0.2.10, fd00::/8";
    // The client forged the first entry; our proxies appended the real one and then themselves.
    expect(clientAddress(withForwarded("6.6.6.6, 198.51.100.23, 10.1.2.3"))).toBe("198.51.100.23");
    expect(clientAddress(withForwarded("7.7.7.7, 198.51.100.23, 192.0.2.10"))).toBe("198.51.100.23");
    expect(clientAddress(withForwarded("2001:db8::5, fd00::1"))).toBe("2001:db8::5");
    expect(clientAddress(withForwarded("::ffff:198.51.100.9"))).toBe("198.51.100.9");
  });

  it("treats garbage in the header as an unknown client rather than a fresh address", () => {
    process.env.TRUSTED_PROXIES = "10.0.0.0/8";
    expect(clientAddress(withForwarded("not-an-ip, 10.0.0.2"))).toBe(UNKNOWN_CLIENT);
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address", () => {
    process.env.TRUSTED_PROXIES = "proxy.internal";
    expect(() => clientAddress(withForwarded("1.2.3.4"))).toThrow(/TRUSTED_PROXIES/);
  });
});
