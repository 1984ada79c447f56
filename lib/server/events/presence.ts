import "server-only";
import { announcePresence, instanceId, onPresence, onResync } from "./decision-events";

/**
 * Who is looking at a decision now: the readers with an open event stream. Each instance keeps its
 * own streams in memory and, on a PostgreSQL server, announces them to the others through the same
 * LISTEN/NOTIFY connection — on every change and as a heartbeat, so an instance that died without
 * saying goodbye drops out after PRESENCE_EXPIRY_MS.
 */
export interface Viewer {
  userId: string;
  name: string;
}

export const PRESENCE_HEARTBEAT_MS = 15_000;
const PRESENCE_EXPIRY_MS = 3 * PRESENCE_HEARTBEAT_MS;

interface PresenceState {
  local: Map<string, Map<string, Viewer>>;
  remote: Map<string, Map<string, { viewers: Viewer[]; expiresAt: number }>>;
  watchers: Map<string, Set<(viewers: Viewer[]) => void>>;
  heartbeat?: NodeJS.Timeout;
  unsubscribe?: () => void;
  unsubscribeResync?: () => void;
}

const globalForPresence = globalThis as unknown as { verdictPresence?: PresenceState };

function state(): PresenceState {
  if (!globalForPresence.verdictPresence) {
    const created: PresenceState = { local: new Map(), remote: new Map(), watchers: new Map() };
    globalForPresence.verdictPresence = created;
  }
  const current = globalForPresence.verdictPresence;
  // Announcements made before the listener connected went nowhere: repeat them once it has.
  current.unsubscribeResync ??= onResync(() => {
    for (const decisionId of current.local.keys()) announce(decisionId);
  });
  current.unsubscribe ??= onPresence((announcement) => {
    const byInstance = current.remote.get(announcement.decisionId) ?? new Map();
    // An instance we have not heard from about this decision learns our viewers now, not at the next heartbeat.
    if (!byInstance.has(announcement.instanceId) && announcement.viewers.length > 0 && current.local.has(announcement.decisionId)) {
      announce(announcement.decisionId);
    }
    if (announcement.viewers.length === 0) byInstance.delete(announcement.instanceId);
    else byInstance.set(announcement.instanceId, { viewers: announcement.viewers, expiresAt: Date.now() + PRESENCE_EXPIRY_MS });
    current.remote.set(announcement.decisionId, byInstance);
    notify(announcement.decisionId);
  });
  return current;
}

export function viewersOf(decisionId: string): Viewer[] {
  const current = state();
  const now = Date.now();
  const all = [...(current.local.get(decisionId)?.values() ?? [])];
  for (const entry of current.remote.get(decisionId)?.values() ?? []) {
    if (entry.expiresAt > now) all.push(...entry.viewers);
  }
  const unique = new Map(all.map((viewer) => [viewer.userId, viewer]));
  return [...unique.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function notify(decisionId: string) {
  const viewers = viewersOf(decisionId);
  for (const watcher of state().watchers.get(decisionId) ?? []) watcher(viewers);
}

function localViewers(decisionId: string): Viewer[] {
  return [...new Map([...(state().local.get(decisionId)?.values() ?? [])].map((v) => [v.userId, v])).values()];
}

function announce(decisionId: string) {
  void announcePresence({ instanceId: instanceId(), decisionId, viewers: localViewers(decisionId) });
}

function ensureHeartbeat() {
  const current = state();
  if (current.heartbeat) return;
  current.heartbeat = setInterval(() => {
    for (const decisionId of current.local.keys()) announce(decisionId);
    // Forget instances that stopped announcing, and tell the watchers.
    const now = Date.now();
    for (const [decisionId, byInstance] of current.remote) {
      let changed = false;
      for (const [id, entry] of byInstance) {
        if (entry.expiresAt <= now) {
          byInstance.delete(id);
          changed = true;
        }
      }
      if (changed) notify(decisionId);
    }
  }, PRESENCE_HEARTBEAT_MS);
  current.heartbeat.unref?.();
}

/**
 * Registers one open stream as a viewer and `onChange` to hear who is looking; returns the leave
 * function, to be called when the stream closes.
 */
export function joinPresence(decisionId: string, connectionId: string, viewer: Viewer, onChange: (viewers: Viewer[]) => void) {
  const current = state();
  ensureHeartbeat();
  const local = current.local.get(decisionId) ?? new Map<string, Viewer>();
  local.set(connectionId, viewer);
  current.local.set(decisionId, local);
  const watchers = current.watchers.get(decisionId) ?? new Set();
  watchers.add(onChange);
  current.watchers.set(decisionId, watchers);
  announce(decisionId);
  notify(decisionId);
  return () => {
    local.delete(connectionId);
    if (local.size === 0) current.local.delete(decisionId);
    watchers.delete(onChange);
    if (watchers.size === 0) current.watchers.delete(decisionId);
    announce(decisionId);
    notify(decisionId);
  };
}
