/** The current time as an ISO 8601 string in UTC. */
export const nowIso = (): string => new Date().toISOString();

/** `iso` moved by a number of milliseconds. */
export const addMs = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();
