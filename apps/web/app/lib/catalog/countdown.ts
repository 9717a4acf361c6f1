export interface RemainingTime {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  /** Nothing left: the offer has ended. */
  over: boolean;
}

/** The time left until `expiresAt`, split for display; never negative. */
export function remainingTime(expiresAt: string | Date, now: number): RemainingTime {
  const total = Math.max(0, Math.floor((new Date(expiresAt).getTime() - now) / 1000));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
    over: total === 0,
  };
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** "03:12:45": hours, minutes and seconds, always two digits so the width does not jump. */
export function clockText(time: RemainingTime): string {
  return `${twoDigits(time.hours)}:${twoDigits(time.minutes)}:${twoDigits(time.seconds)}`;
}
