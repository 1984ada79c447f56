// The limits on creating things, each configurable; sign-in's own limits live in sign-in.ts.
import { limitSetting } from "./rate-limit";

const HOUR_MS = 60 * 60 * 1000;

export function signUpLimit(client: string) {
  return {
    key: `signup:${client}`,
    max: limitSetting("SIGNUP_MAX_PER_HOUR", 30),
    windowMs: HOUR_MS,
    message: "Too many accounts were created from this network. Wait an hour and try again.",
  };
}

export function tokenCreationLimit(userId: string) {
  return {
    key: `token:${userId}`,
    max: limitSetting("TOKEN_CREATE_MAX_PER_HOUR", 20),
    windowMs: HOUR_MS,
    message: "You created too many API tokens in the last hour. Wait, or reuse one you have.",
  };
}
