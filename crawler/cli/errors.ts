/** Bad usage: a wrong flag or argument. Exits with 2. */
export class UsageError extends Error {}

/** Bad input: a missing path, an unreadable database, a corrupt file. Exits with 1; the message names the input. */
export class InputError extends Error {}

/** A failure already reported to the user (a crawl whose every repository failed). Exits with 1. */
export class ReportedFailure extends Error {}

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
