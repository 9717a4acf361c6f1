import { Button, Fieldset, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaqEntry } from '../../../lib/catalog/product-form';

/** Question/answer pairs, added and removed like the other lists (one empty pair without JavaScript). */
export function FaqField({ initial, error }: { initial: FaqEntry[]; error?: string | undefined }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState(() =>
    [...initial, { question: '', answer: '' }].map((entry, index) => ({ key: index, ...entry })),
  );
  const [nextKey, setNextKey] = useState(rows.length);
  return (
    <Fieldset legend={t('productEditor.fields.faq')} variant="unstyled">
      <Stack gap="sm">
        {rows.map((row, index) => (
          <Paper key={row.key} withBorder p="sm">
            <Stack gap="xs">
              <TextInput
                name="faqQuestion"
                label={`${t('productEditor.fields.faqQuestion')} ${index + 1}`}
                defaultValue={row.question}
                maxLength={300}
              />
              <Textarea
                name="faqAnswer"
                label={`${t('productEditor.fields.faqAnswer')} ${index + 1}`}
                defaultValue={row.answer}
                autosize
                minRows={2}
                maxLength={3000}
              />
              <Group justify="flex-end">
                <Button
                  variant="subtle"
                  color="red.8"
                  size="compact-sm"
                  onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}
                >
                  {t('productEditor.removeEntry')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
        {error && (
          <Text size="sm" c="red.8" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button
            variant="light"
            size="compact-sm"
            disabled={rows.length >= 20}
            onClick={() => {
              setRows((current) => [...current, { key: nextKey, question: '', answer: '' }]);
              setNextKey((key) => key + 1);
            }}
          >
            {t('productEditor.addItem')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
