/**
 * Calendar days as `yyyy-mm-dd` keys. Day arithmetic is done on the keys (in UTC, where every
 * day has 24 hours); which day an instant falls on depends on the viewer's zone: the browser's
 * once scripts run, UTC in the server render.
 */
export const calendarViews = ['month', 'week', 'day', 'list'] as const;
export type CalendarView = (typeof calendarViews)[number];

const keyPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;
const pad = (value: number) => String(value).padStart(2, '0');

export function isDayKey(value: string | null): value is string {
  return value !== null && keyPattern.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

function keyToUtc(key: string): number {
  return Date.parse(`${key}T00:00:00Z`);
}

function utcToKey(ms: number): string {
  const date = new Date(ms);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function addDays(key: string, days: number): string {
  return utcToKey(keyToUtc(key) + days * dayMs);
}

export function addMonths(key: string, months: number): string {
  const date = new Date(keyToUtc(key));
  return utcToKey(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
}

/** Monday of the key's week (weeks start on Monday in Morocco and France). */
export function weekStart(key: string): string {
  const weekday = new Date(keyToUtc(key)).getUTCDay();
  return addDays(key, -((weekday + 6) % 7));
}

export function monthOf(key: string): string {
  return key.slice(0, 7);
}

/** The days a view shows, in order. The month view is six full weeks. */
export function daysOfView(view: CalendarView, key: string): string[] {
  if (view === 'day') return [key];
  if (view === 'week') return Array.from({ length: 7 }, (_, index) => addDays(weekStart(key), index));
  const first = `${monthOf(key)}-01`;
  if (view === 'month') return Array.from({ length: 42 }, (_, index) => addDays(weekStart(first), index));
  return Array.from({ length: 31 }, (_, index) => addDays(first, index)).filter((day) => monthOf(day) === monthOf(key));
}

/** The API range to ask for: the shown days, a day wider on each side for time zones. */
export function rangeOfView(view: CalendarView, key: string): { from: string; to: string } {
  const days = daysOfView(view, key);
  const first = days[0] ?? key;
  const last = days.at(-1) ?? key;
  return {
    from: new Date(keyToUtc(first) - dayMs).toISOString(),
    to: new Date(keyToUtc(last) + 2 * dayMs).toISOString(),
  };
}

/** The previous or next page of a view. */
export function stepView(view: CalendarView, key: string, direction: 1 | -1): string {
  if (view === 'day') return addDays(key, direction);
  if (view === 'week') return addDays(key, 7 * direction);
  return addMonths(key, direction);
}

/** The day an instant falls on, in the browser's zone or in UTC. */
export function dayKeyOf(instant: string | Date, local: boolean): string {
  const date = new Date(instant);
  if (!local) return utcToKey(date.getTime());
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function hourOf(instant: string | Date, local: boolean): number {
  const date = new Date(instant);
  return local ? date.getHours() : date.getUTCHours();
}

/** `key` at the wall-clock time of `keepTimeOf` (or at `hour`), in the browser's zone. */
export function movedInstant(key: string, keepTimeOf: string, hour?: number): Date {
  const [year, month, day] = key.split('-').map(Number) as [number, number, number];
  const original = new Date(keepTimeOf);
  return new Date(year, month - 1, day, hour ?? original.getHours(), original.getMinutes());
}

/** Today's key in the browser's zone (or UTC on the server). */
export function todayKey(local: boolean): string {
  return dayKeyOf(new Date(), local);
}

/** A date object for formatting a key's day name or number (noon UTC, safe in any zone). */
export function keyDate(key: string): Date {
  return new Date(keyToUtc(key) + dayMs / 2);
}
