import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/csp";

describe("content security policy", () => {
  const savedAuthUrl = process.env.AUTH_URL;
  afterEach(() => {
    if (savedAuthUrl === undefined) delete process.env.AUTH_URL;
    else process.env.AUTH_URL = savedAuthUrl;
  });

  it("allows scripts only with the request's nonce, and eval only in development", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123" });
    const scripts = policy.split("; ").find((d) => d.startsWith("script-src "));
    expect(scripts).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy({ nonce: "abc123", dev: true })).toContain("'unsafe-eval'");
  });

  it("forbids framing, plugins, foreign form targets and base tags", () => {
    const policy = contentSecurityPolicy({ nonce: "n" });
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "form-action 'self'", "base-uri 'self'", "default-src 'self'"]) {
      expect(policy).toContain(directive);
    }
  });

  it("makes a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("sends HSTS only for https: direct, through a proxy, or by the public AUTH_URL", () => {
    delete process.env.AUTH_URL;
    const at = (url: string, headers: Record<string, string> = {}) => strictTransportSecurity({ url, headers: new Headers(headers) });
    expect(at("http://localhost:3000/")).toBeNull();
    expect(at("https://verdict.example/")).toMatch(/^max-age=/);
    expect(at("http://localhost:3000/", { "x-forwarded-proto": "https" })).toMatch(/^max-age=/);
    process.env.AUTH_URL = "https://verdict.example";
    expect(at("http://localhost:3000/")).toMatch(/^max-age=/);
  });

  it("runs every e2e spec under the CSP guard (each imports test from ./fixtures)", () => {
    const dir = path.resolve(__dirname, "../e2e");
    const specs = fs.readdirSync(dir).filter((file) => file.endsWith(".spec.ts"));
    expect(specs.length).toBeGreaterThan(3);
    for (const spec of specs) {
      const source = fs.readFileSync(path.join(dir, spec), "utf8");
      expect(source, spec).toMatch(/import \{[^}]*\btest\b[^}]*\} from "\.\/fixtures"/);
      expect(source, spec).not.toMatch(/import \{[^}]*\btest\b[^}]*\} from "@playwright\/test"/);
    }
  });
});
