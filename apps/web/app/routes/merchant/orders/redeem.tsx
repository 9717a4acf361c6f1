import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { RedemptionResult } from '@souk/contracts/payments';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { data, Form, useNavigation, useSubmit } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { QrScanner } from '../../../components/payments/qr-scanner';
import { RedemptionOutcomePanel } from '../../../components/payments/redemption-outcome';
import { apiJson } from '../../../lib/api.server';
import { formText, problemMessage } from '../../../lib/auth-feedback.server';
import { localeOf } from '../../../lib/locale.server';
import { requireMerchantTeam } from '../../../lib/merchant-team.server';
import { paymentsApi } from '../../../lib/payments/payments-api';
import { formatVoucherCode, voucherCodeFromScan } from '../../../lib/payments/voucher-code';
import { useFeedbackToast } from '../../../lib/use-feedback-toast';
import type { Route } from './+types/redeem';

/**
 * A voucher's QR code holds this page's address with `?code=`: a phone's own camera app opens the
 * counter with the voucher already looked up (looking up changes nothing).
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { team } = await requireMerchantTeam(context, request);
  const code = new URL(request.url).searchParams.get('code')?.trim().slice(0, 64) ?? '';
  if (!code) return { team, scanned: null };
  const result = await apiJson<RedemptionResult>(context, paymentsApi.lookup, {
    method: 'POST',
    json: { code, organizationId: team.teamId },
  });
  return { team, scanned: result.ok ? { code, result: result.data } : null };
}

type RedeemActionData =
  | { ok: true; intent: 'lookup' | 'redeem'; code: string; result: RedemptionResult }
  | { ok: false; intent: 'lookup' | 'redeem'; code: string; error: string };

/** Looking a code up changes nothing; redeeming is the API's single conditional update. */
export async function action({ request, context }: Route.ActionArgs) {
  const { team } = await requireMerchantTeam(context, request);
  const form = await request.formData();
  const intent = formText(form, 'intent') === 'redeem' ? 'redeem' : 'lookup';
  const code = formText(form, 'code').slice(0, 64);
  const result = await apiJson<RedemptionResult>(
    context,
    intent === 'redeem' ? paymentsApi.redeem : paymentsApi.lookup,
    {
      method: 'POST',
      json: { code, organizationId: team.teamId },
    },
  );
  if (!result.ok) {
    return data<RedeemActionData>(
      { ok: false, intent, code, error: result.problem.detail || problemMessage(result, localeOf(request)) },
      { status: result.status },
    );
  }
  return data<RedeemActionData>({ ok: true, intent, code, result: result.data });
}

export default function Redeem({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const { scanned } = loaderData;
  const [code, setCode] = useState(formatVoucherCode(actionData?.code ?? scanned?.code ?? ''));
  useFeedbackToast(actionData && !actionData.ok ? actionData : undefined, { errorTitle: t('redeem.errorTitle') });
  const outcome = actionData ? (actionData.ok ? actionData.result : null) : (scanned?.result ?? null);
  const finished = outcome !== null && outcome.outcome !== 'valid';

  // After a definitive answer the next customer's code starts from an empty field; on a phone
  // the answer is brought into view.
  useEffect(() => {
    if (actionData?.ok && actionData.intent === 'redeem' && actionData.result.ok) setCode('');
    if (actionData?.ok) {
      document
        .querySelector('[data-testid=redemption-outcome]')
        ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  }, [actionData]);

  const onScan = useCallback(
    (text: string) => {
      const scanned = voucherCodeFromScan(text);
      setCode(scanned);
      submit({ intent: 'lookup', code: scanned }, { method: 'post' });
    },
    [submit],
  );

  return (
    <Stack gap="lg" maw={560} w="100%" mx="auto" data-testid="redeem-page">
      <PageTitle>{t('redeem.title')}</PageTitle>
      <div>
        <Title order={1}>{t('redeem.title')}</Title>
        <Text c="dimmed">{t('redeem.intro')}</Text>
      </div>
      {!loaderData.team.canEdit && (
        <Alert color="blue" data-testid="redeem-read-only">
          {t('redeem.readOnly')}
        </Alert>
      )}
      <QrScanner onCode={onScan} />
      <Paper withBorder p="md">
        <Form method="post" data-testid="redeem-form">
          <Stack gap="md">
            <TextInput
              name="code"
              label={t('redeem.code')}
              description={t('redeem.codeHint')}
              value={code}
              onChange={(event) => setCode(formatVoucherCode(event.currentTarget.value))}
              placeholder="XXXX-XXXX-XXXX"
              size="xl"
              dir="ltr"
              autoComplete="off"
              autoCapitalize="characters"
              autoCorrect="off"
              spellCheck={false}
              required
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.08em' } }}
              data-testid="voucher-code-input"
            />
            <Group grow>
              <Button
                type="submit"
                name="intent"
                value="lookup"
                size="lg"
                variant="light"
                loading={busy}
                data-testid="check"
              >
                {t('redeem.check')}
              </Button>
            </Group>
          </Stack>
        </Form>
      </Paper>
      {outcome && (
        <RedemptionOutcomePanel result={outcome}>
          {outcome.outcome === 'valid' && outcome.voucher && (
            <Form method="post">
              <input type="hidden" name="code" value={outcome.voucher.code} />
              <Button
                type="submit"
                name="intent"
                value="redeem"
                size="xl"
                color="green"
                fullWidth
                loading={busy}
                data-testid="redeem"
              >
                {t('redeem.redeem')}
              </Button>
            </Form>
          )}
          {finished && (
            <Button
              variant="default"
              size="lg"
              onClick={() => {
                setCode('');
                document.querySelector<HTMLInputElement>('input[name=code]')?.focus();
              }}
            >
              {t('redeem.next')}
            </Button>
          )}
        </RedemptionOutcomePanel>
      )}
    </Stack>
  );
}
