import { Stack, Table, Text, Title } from '@mantine/core';
import { quotaNames } from '@souk/contracts/plan-quotas';
import type { PlanList } from '@souk/contracts/plans';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/page-title';
import { PlanCards, useQuotaText } from '../components/plans/plan-cards';
import { apiJson, unwrap } from '../lib/api.server';
import { billingApi } from '../lib/billing/billing-api';
import { formatBasisPoints, formatMoney } from '../lib/format-money';
import { translations } from '../lib/i18n';
import { publicPageMeta } from '../lib/public-meta';
import type { Route } from './+types/pricing';

export async function loader({ context }: Route.LoaderArgs) {
  return unwrap(await apiJson<PlanList>(context, billingApi.plans));
}

export const meta: Route.MetaFunction = ({ matches }) =>
  publicPageMeta(matches, (locale) => ({
    title: translations[locale].plans.pricingTitle,
    description: translations[locale].plans.pricingDescription,
    path: '/pricing',
  }));

export default function Pricing({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const quotaText = useQuotaText();
  const { plans } = loaderData;
  return (
    <Stack gap="xl">
      <PageTitle>{t('plans.pricingTitle')}</PageTitle>
      <Stack gap="xs">
        <Title order={1}>{t('plans.pricingTitle')}</Title>
        <Text c="dimmed" maw={760}>
          {t('plans.pricingIntro')}
        </Text>
      </Stack>
      <PlanCards plans={plans} />
      <Stack gap="sm" component="section" aria-labelledby="compare-title">
        <Title order={2} id="compare-title">
          {t('plans.compareTitle')}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plans.feature')}</Table.Th>
                {plans.map((plan) => (
                  <Table.Th scope="col" key={plan.id}>
                    {t(`plans.names.${plan.id}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('plans.priceRow')}</Table.Th>
                {plans.map((plan) => (
                  <Table.Td key={plan.id}>{formatMoney(plan.monthlyPriceMinor, plan.currency, i18n.language)}</Table.Td>
                ))}
              </Table.Tr>
              {quotaNames.map((quota) => (
                <Table.Tr key={quota}>
                  <Table.Th scope="row">{t(`plans.quotas.${quota}`)}</Table.Th>
                  {plans.map((plan) => (
                    <Table.Td key={plan.id}>{quotaText(plan.quotas[quota])}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">{t('plans.feeRow')}</Table.Th>
                {plans.map((plan) => (
                  <Table.Td key={plan.id}>{formatBasisPoints(plan.platformFeeBps, i18n.language)}</Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Stack>
  );
}
