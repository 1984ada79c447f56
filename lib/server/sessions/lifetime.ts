// How long a sign-in lasts: SESSION_MAX_AGE_DAYS (30), for the cookie and its session row alike.
import { limitSetting } from "../rate-limit";

export const sessionMaxAgeSeconds = () => Math.round(limitSetting("SESSION_MAX_AGE_DAYS", 30) * 24 * 60 * 60);
