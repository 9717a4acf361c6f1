import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clockText, remainingTime } from '../../lib/catalog/countdown';

/**
 * Time left until the offer ends. The server renders it from its own clock (`serverNow`), so the
 * page without JavaScript still says how long is left and hydration sees the same text; once
 * hydrated it ticks every second from the visitor's clock.
 */
export function DealCountdown({ expiresAt, serverNow }: { expiresAt: string; serverNow: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const time = remainingTime(expiresAt, now);
  if (time.over) {
    return (
      <Text fw={700} c="red.8" data-testid="deal-countdown" data-ended="true">
        {t('deals.ended')}
      </Text>
    );
  }
  return (
    // role="timer" is not announced on every tick (its live region is off by default).
    <Text component="div" role="timer" aria-label={t('deal.endsIn')} data-testid="deal-countdown">
      <Text span size="sm" c="dimmed" me={6}>
        {t('deal.endsIn')}
      </Text>
      <Text span fw={700} ff="monospace" fz="lg" dir="ltr">
        <time dateTime={expiresAt}>
          {time.days > 0 && `${t('deal.countdownDays', { days: time.days })} `}
          {clockText(time)}
        </time>
      </Text>
    </Text>
  );
}
