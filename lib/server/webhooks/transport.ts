import "server-only";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { AddressRefusedError, guardedLookup, hostOf, refusedAddress } from "./url-safety";

export interface AttemptOutcome {
  statusCode: number | null;
  responseExcerpt: string;
  error: string | null;
  durationMs: number;
}

const EXCERPT_CHARS = 500;
const READ_LIMIT_BYTES = 16_384;

/**
 * One POST of a delivery. Never follows a redirect (a 3xx is reported as a failure naming where it
 * pointed), connects only to checked addresses, and gives up after `timeoutMs` in total.
 */
export function postWebhook(options: {
  url: string;
  body: string;
  headers: Record<string, string>;
  allowPrivate: boolean;
  timeoutMs: number;
}): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    // Set once the request exists; `finish` may run earlier (a refused address) and then has none to clear.
    const clock: { timer?: NodeJS.Timeout } = {};
    const finish = (outcome: Omit<AttemptOutcome, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(clock.timer);
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const fail = (error: unknown) =>
      finish({ statusCode: null, responseExcerpt: "", error: describeError(error, options.timeoutMs) });

    let url: URL;
    try {
      url = new URL(options.url);
    } catch {
      return fail(new Error("The URL is not valid."));
    }
    const host = hostOf(url);
    // An IP literal is never looked up, so it is checked here; the socket is checked again below.
    if (net.isIP(host)) {
      const refused = refusedAddress(host, host, options.allowPrivate);
      if (refused) return fail(new AddressRefusedError(refused));
    }
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(url, {
      method: "POST",
      headers: { ...options.headers, "content-length": String(Buffer.byteLength(options.body)) },
      lookup: guardedLookup(options.allowPrivate),
      agent: false,
    });
    clock.timer = setTimeout(() => request.destroy(new TimeoutError()), options.timeoutMs);
    request.on("socket", (socket) => {
      socket.once("connect", () => {
        const refused = socket.remoteAddress
          ? refusedAddress(host, socket.remoteAddress, options.allowPrivate)
          : null;
        if (refused) request.destroy(new AddressRefusedError(refused));
      });
    });
    request.on("error", fail);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const text = Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT_CHARS);
        const status = response.statusCode ?? 0;
        let error: string | null = null;
        if (status >= 300 && status < 400) {
          error = `Redirect not followed${response.headers.location ? ` (to ${String(response.headers.location).slice(0, 200)})` : ""}: point the webhook at the final URL.`;
        } else if (status < 200 || status >= 300) error = `The receiver answered HTTP ${status}.`;
        finish({ statusCode: status, responseExcerpt: text, error });
        response.destroy();
      };
      response.on("data", (chunk: Buffer) => {
        if (size < READ_LIMIT_BYTES) chunks.push(chunk);
        size += chunk.length;
        if (size >= READ_LIMIT_BYTES) done();
      });
      response.on("end", done);
      response.on("error", fail);
    });
    request.end(options.body);
  });
}

class TimeoutError extends Error {
  readonly code = "ETIMEDOUT";
}

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof TimeoutError) return `Timed out after ${timeoutMs} ms without a complete answer.`;
  if (error instanceof AddressRefusedError) return `Refused: ${error.message}`;
  const e = error as { code?: string; message?: string };
  const message = (e.message ?? String(error)).slice(0, 300);
  return e.code && !message.includes(e.code) ? `${e.code}: ${message}` : message;
}
