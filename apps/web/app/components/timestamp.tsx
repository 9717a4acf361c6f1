import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '../lib/intl';
import { useHydrated } from '../lib/use-hydrated';

interface TimestampProps {
  /** ISO 8601 date-time. */
  value: string;
  relative?: boolean;
}

/**
 * A date in the visitor's language. The server does not know the visitor's time zone, so it
 * renders UTC (labelled); once hydrated the browser re-renders in local time.
 */
export function Timestamp({ value, relative = false }: TimestampProps) {
  const { i18n } = useTranslation();
  const hydrated = useHydrated();
  const date = new Date(value);
  const absolute = formatDateTime(date, i18n.language, hydrated ? undefined : 'UTC');
  const text = relative ? formatRelative(date, Date.now(), i18n.language) : absolute;
  return (
    <time dateTime={value} title={absolute} suppressHydrationWarning>
      {text}
    </time>
  );
}
