import type { LinkFacts } from './ports.ts';

/** Evenings and lunch on weekdays, late mornings at weekends: common engagement peaks. */
const defaultSlots = [
  { weekday: 3, hour: 20 },
  { weekday: 4, hour: 20 },
  { weekday: 0, hour: 11 },
  { weekday: 2, hour: 13 },
  { weekday: 5, hour: 19 },
];

const minimumClicks = 20;

/** The weekday (0 = Sunday) and hour of a moment in a time zone. */
function localSlot(date: Date, timeZone: string): { weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(date);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(
    parts.find((part) => part.type === 'weekday')?.value ?? 'Sun',
  );
  return { weekday, hour: Number(parts.find((part) => part.type === 'hour')?.value ?? 0) };
}

/** The next moment (on the hour) that falls on this weekday and hour in the time zone. */
export function nextOccurrence(slot: { weekday: number; hour: number }, timeZone: string, now = new Date()): Date {
  const start = new Date(Math.ceil(now.getTime() / 3600_000) * 3600_000);
  for (let hours = 0; hours < 24 * 8; hours++) {
    const candidate = new Date(start.getTime() + hours * 3600_000);
    const local = localSlot(candidate, timeZone);
    if (local.weekday === slot.weekday && local.hour === slot.hour) return candidate;
  }
  return start;
}

/**
 * "Best time to post" from the owner's own clicks: the hours of the week with the most clicks
 * on their tracked links; sensible defaults until there are enough clicks to say anything.
 */
export async function bestTime(links: LinkFacts, linkIds: string[], timeZone: string) {
  const zone = Intl.supportedValuesOf('timeZone').includes(timeZone) ? timeZone : 'Africa/Casablanca';
  const counts = linkIds.length ? await links.clicksByHourOfWeek(linkIds, zone) : [];
  const total = counts.reduce((sum, row) => sum + row.clicks, 0);
  const source = total >= minimumClicks ? ('history' as const) : ('defaults' as const);
  const chosen =
    source === 'history'
      ? [...counts].sort((a, b) => b.clicks - a.clicks).slice(0, 5)
      : defaultSlots.map((slot) => ({ ...slot, clicks: 0 }));
  return {
    source,
    timeZone: zone,
    slots: chosen.map((slot) => ({ ...slot, nextAt: nextOccurrence(slot, zone).toISOString() })),
  };
}
