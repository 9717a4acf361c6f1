import { fromLocalInput } from '../catalog/casablanca-time';

/**
 * Scheduling happens in the person's own time zone: the browser sends the wall-clock value of a
 * `datetime-local` field and its zone name; the server turns them into an instant. Without
 * JavaScript the zone is unknown and the platform's home zone is assumed.
 */
export const fallbackTimeZone = 'Africa/Casablanca';

function knownZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return fallbackTimeZone;
  }
}

/** `2026-12-03T18:30` in `timeZone` (an unknown zone counts as the fallback) as an ISO instant. */
export function wallTimeToIso(value: string, timeZone: string): string | null {
  return fromLocalInput(value, knownZone(timeZone || fallbackTimeZone));
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The browser-local `datetime-local` value of an instant. */
export function toWallTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The browser's time zone name (e.g. "Europe/Paris"). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || fallbackTimeZone;
}

/** The instant of a `datetime-local` value, read by the browser in its own zone; '' if none. */
export function browserInstant(value: string): string {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : '';
}

/**
 * The instant a schedule form chose. The browser sends it computed in its own zone (its time
 * zone rules may differ from the server's); without scripts, the wall time is read in the
 * platform's home zone.
 */
export function scheduledInstantFrom(form: FormData): string | null {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const sent = text('scheduledAt');
  if (sent && !Number.isNaN(Date.parse(sent))) return new Date(sent).toISOString();
  return wallTimeToIso(text('scheduledLocal'), text('timeZone'));
}
