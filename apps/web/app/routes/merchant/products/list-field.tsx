import { ActionIcon, Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A list of short texts (highlights, what's included, steps) as repeated inputs sharing one name.
 * With JavaScript rows are added and removed with buttons; without it there is always one empty
 * row to fill, and emptying a row removes it on save.
 */
export function ListField({
  name,
  legend,
  initial,
  error,
  max = 20,
}: {
  name: string;
  legend: string;
  initial: string[];
  error?: string | undefined;
  max?: number;
}) {
  const { t } = useTranslation();
  // Keys stay with their rows when one in the middle is removed.
  const [rows, setRows] = useState(() => [...initial, ''].map((value, index) => ({ key: index, value })));
  const [nextKey, setNextKey] = useState(rows.length);
  const add = () => {
    setRows((current) => [...current, { key: nextKey, value: '' }]);
    setNextKey((key) => key + 1);
  };
  return (
    <Fieldset legend={legend} variant="unstyled">
      <Stack gap="xs">
        {rows.map((row, index) => (
          <Group key={row.key} gap="xs" wrap="nowrap" align="flex-start">
            <TextInput
              name={name}
              defaultValue={row.value}
              aria-label={t('productEditor.itemNumber', { index: index + 1 })}
              maxLength={300}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="red.8"
              size="lg"
              aria-label={`${t('productEditor.removeEntry')} — ${t('productEditor.itemNumber', { index: index + 1 })}`}
              onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}
            >
              <span aria-hidden="true">✕</span>
            </ActionIcon>
          </Group>
        ))}
        {error && (
          <Text size="sm" c="red.8" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button variant="light" size="compact-sm" onClick={add} disabled={rows.length >= max}>
            {t('productEditor.addItem')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
