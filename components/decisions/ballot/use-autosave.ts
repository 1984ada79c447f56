// Keeps a draft on the server while someone works: a PUT after each pause in typing, only the newest
// answer counts, and a last PUT that survives the page closing.
import { useCallback, useEffect, useRef, useState } from "react";
import { readApiError } from "./api-error";

export type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Date } | { kind: "error"; message: string };

const AUTOSAVE_MS = 800;

/** `body` is the draft as JSON; the first value passed counts as already saved. */
export function useAutosave(url: string, body: string) {
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const savedBody = useRef(body);
  const latestBody = useRef(body);
  // Each save gets a number; an answer to an older save than the latest is ignored.
  const saveSeq = useRef(0);

  useEffect(() => {
    latestBody.current = body;
    if (body === savedBody.current) return;
    const timer = setTimeout(async () => {
      const seq = ++saveSeq.current;
      setSave({ kind: "saving" });
      try {
        const response = await fetch(url, { method: "PUT", headers: { "content-type": "application/json" }, body });
        if (seq !== saveSeq.current) return;
        if (response.ok) {
          savedBody.current = body;
          setSave({ kind: "saved", at: new Date() });
        } else {
          setSave({ kind: "error", message: (await readApiError(response, "The draft was not saved")).message });
        }
      } catch {
        if (seq === saveSeq.current) setSave({ kind: "error", message: "No connection: the draft was not saved. It will be retried on your next change." });
      }
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [body, url]);

  // Leaving the page (tab closed or a link followed) must not lose the last keystrokes.
  useEffect(() => {
    const flush = () => {
      if (latestBody.current === savedBody.current) return;
      savedBody.current = latestBody.current;
      void fetch(url, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: latestBody.current,
        keepalive: true,
      }).catch(() => {});
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [url]);

  /** The server dropped the draft on its own (a submission replaced it): nothing is left to save. */
  const settle = useCallback(() => {
    saveSeq.current++;
    savedBody.current = latestBody.current;
    setSave({ kind: "idle" });
  }, []);

  return { save, settle };
}
