/**
 * The slug of the workspace a person last opened, so /app (and a reload) brings them back to it.
 * A preference, not an authority: every request still resolves the membership for the slug in the
 * URL, and /app ignores a slug the person no longer belongs to.
 */
export const WORKSPACE_COOKIE = 'plinth.workspace';

/** A year: the choice should outlive sessions. */
export const WORKSPACE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;
