// Kept apart from the zod schemas so the invite form can read the limit without shipping zod to the browser.
export const MAX_INVITES_AT_ONCE = 20;
