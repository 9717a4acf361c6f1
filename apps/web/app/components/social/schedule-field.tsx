import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browserInstant, browserTimeZone, fallbackTimeZone, toWallTime } from '../../lib/social/zoned-time';
import { useHydrated } from '../../lib/use-hydrated';

export interface TimeSuggestion {
  at: string;
  label: string;
}

/**
 * A date and time in the person's own zone (the browser's `datetime-local` picker works with the
 * keyboard and on phones), the zone's name sent along. The past cannot be picked; the server
 * refuses it anyway.
 */
export function ScheduleField({
  defaultValue,
  error,
  suggestions = [],
  name = 'scheduledLocal',
  required = false,
}: {
  /** ISO instant to start from. */
  defaultValue?: string | null;
  error?: string;
  suggestions?: TimeSuggestion[];
  name?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const [value, setValue] = useState('');
  const [minimum, setMinimum] = useState<string | undefined>(undefined);
  useEffect(() => {
    setMinimum(toWallTime(new Date()));
    // A time already chosen in this field stays.
    if (defaultValue) setValue((typed) => typed || toWallTime(new Date(defaultValue)));
  }, [defaultValue]);
  const zone = hydrated ? browserTimeZone() : fallbackTimeZone;
  return (
    <Stack gap={6}>
      <TextInput
        type="datetime-local"
        name={name}
        label={t('social.schedule.when')}
        description={t('social.schedule.zone', { zone })}
        value={value}
        min={minimum}
        required={required}
        onChange={(event) => setValue(event.currentTarget.value)}
        error={error}
        data-testid="schedule-at"
        dir="ltr"
      />
      <input type="hidden" name="timeZone" value={zone} />
      <input type="hidden" name="scheduledAt" value={hydrated ? browserInstant(value) : ''} />
      {suggestions.length > 0 && (
        <Group gap="xs" align="center">
          <Text size="xs" c="dimmed">
            {t('social.schedule.bestTimes')}
          </Text>
          {suggestions.map((suggestion) => (
            <Button
              key={suggestion.at}
              size="compact-xs"
              variant="light"
              onClick={() => setValue(toWallTime(new Date(suggestion.at)))}
              data-testid="best-time"
            >
              {suggestion.label}
            </Button>
          ))}
        </Group>
      )}
    </Stack>
  );
}
