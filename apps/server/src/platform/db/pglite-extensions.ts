import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * Extensions every embedded database loads, the ones the migrations create (`pg_trgm`: trigram
 * similarity for typo-tolerant catalog search). PostgreSQL ships them; PGlite needs them passed
 * in when an instance is created, so every place that creates one uses this list.
 */
export const pgliteExtensions = { pg_trgm };
