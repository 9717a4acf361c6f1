import { timestamp } from 'drizzle-orm/pg-core';

/** A point in time, with its zone, to the millisecond: what a JavaScript Date holds. */
export const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** When the row was written. */
export const createdAt = () => at('created_at').notNull().defaultNow();

/** When the row last changed (set by the code that changes it). */
export const updatedAt = () => at('updated_at').notNull().defaultNow();
