import { Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decimalToMinor } from '../../lib/catalog/minor-units';
import { formatMoney } from '../../lib/format-money';
import { useRootData } from '../../lib/root-data';
import { ConfirmSubmit } from '../confirm-submit';

/**
 * Full or partial refund, asked for with the amount in words before it is sent. An empty amount
 * refunds everything still refundable; the API has the last word on what that is.
 */
export function RefundForm({
  refundableMinor,
  currency,
  buyerName,
  idempotencyKey,
  fieldErrors,
}: {
  refundableMinor: number;
  currency: string;
  buyerName: string;
  idempotencyKey: string;
  fieldErrors?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const [typed, setTyped] = useState('');
  const everything = formatMoney(refundableMinor, currency, locale);
  const typedMinor = typed ? decimalToMinor(typed) : refundableMinor;
  const amount = typedMinor === null ? typed : formatMoney(typedMinor, currency, locale);
  return (
    <Paper withBorder p="md" data-testid="refund-section">
      <Title order={2} size="h4">
        {t('merchantOrders.refundTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('merchantOrders.refundIntro', { amount: everything })}
      </Text>
      <ConfirmSubmit
        fields={{ intent: 'refund', idempotencyKey }}
        label={t('merchantOrders.refund')}
        question={t('merchantOrders.refundQuestion', { amount, buyer: buyerName })}
        color="red"
        testId="refund-form"
      >
        <Stack gap="sm" maw={420}>
          <TextInput
            name="amount"
            label={t('merchantOrders.refundAmount')}
            description={t('merchantOrders.refundAmountHint', { amount: everything })}
            inputMode="decimal"
            dir="ltr"
            rightSection={<Text size="xs">{currency}</Text>}
            rightSectionWidth={48}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            error={fieldErrors?.amount}
          />
          <Textarea
            name="reason"
            label={t('merchantOrders.refundReason')}
            description={t('merchantOrders.refundReasonHint')}
            required
            minLength={3}
            maxLength={500}
            autosize
            minRows={2}
            error={fieldErrors?.reason}
          />
        </Stack>
      </ConfirmSubmit>
    </Paper>
  );
}
