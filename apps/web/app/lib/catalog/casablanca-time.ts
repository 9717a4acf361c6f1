/**
 * A deal's end is typed in a datetime-local field, which has no time zone. Merchants are in
 * Morocco, so the field is read and shown in Africa/Casablanca time, whatever the browser's or
 * the server's own zone (the form works the same without JavaScript).
 */
export const dealTimeZone = 'Africa/Casablanca';

function partsIn(date: Date, timeZone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  return Object.fromEntries(parts.filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

/** "2026-12-31T23:59" as that zone's wall time, for a datetime-local value. */
export function toLocalInput(iso: string | null, timeZone = dealTimeZone): string {
  if (!iso) return '';
  const p = partsIn(new Date(iso), timeZone);
  const two = (value: number | undefined) => String(value ?? 0).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** The instant a wall time in `timeZone` stands for, as an ISO string; null if not a date. */
export function fromLocalInput(value: string, timeZone = dealTimeZone): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as number[];
  const wallAsUtc = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
  // The zone's offset at that moment; a second pass settles the rare case of a change of offset.
  let instant = wallAsUtc;
  for (let pass = 0; pass < 2; pass++) {
    const p = partsIn(new Date(instant), timeZone);
    const shownAsUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0);
    instant += wallAsUtc - shownAsUtc;
  }
  return new Date(instant).toISOString();
}
