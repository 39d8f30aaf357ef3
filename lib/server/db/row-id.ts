// Every row id in the schema is a UUID (`@default(uuid())`). No "server-only" marker needed: plain data.

/** The shape of a row id; a path id of any other shape names nothing and must never reach a query. */
export const ROW_ID_FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
