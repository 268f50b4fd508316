const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A string the database would accept as uuid; anything else cannot name an existing row. */
export const isUuid = (value: string): boolean => UUID_RE.test(value);
