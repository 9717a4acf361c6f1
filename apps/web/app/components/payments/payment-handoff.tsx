import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface PaymentFormHandoff {
  action: string;
  fields: Record<string, string>;
}

/**
 * The signed form the buyer's browser posts to the card gateway (CMI, or the sandbox that speaks
 * its protocol). It submits itself once rendered; without JavaScript, or if the browser blocks
 * the automatic post, the visible button does the same. A plain HTML form (not React Router's),
 * since it leaves the site.
 */
export function PaymentHandoff({ payment, gatewayName }: { payment: PaymentFormHandoff; gatewayName: string }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.submit();
  }, []);
  return (
    <Alert color="indigo" variant="light" data-testid="payment-handoff" title={t('checkout.handoffTitle')}>
      <form ref={formRef} method="post" action={payment.action} acceptCharset="UTF-8">
        {Object.entries(payment.fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <Stack gap="sm" align="flex-start">
          <Text size="sm" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <Loader size="xs" aria-hidden />
            {t('checkout.handoffText', { gateway: gatewayName })}
          </Text>
          <Button type="submit" data-testid="continue-to-payment">
            {t('checkout.handoffButton', { gateway: gatewayName })}
          </Button>
        </Stack>
      </form>
    </Alert>
  );
}
