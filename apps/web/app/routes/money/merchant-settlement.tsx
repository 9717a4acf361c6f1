import { Anchor, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatCard } from '../../components/affiliation/stat-card';
import { SettlementStatusBadge } from '../../components/money/money-badges';
import { PageTitle } from '../../components/page-title';
import { apiJson } from '../../lib/api.server';
import { formatMoney } from '../../lib/format-money';
import { moneyApi } from '../../lib/money/money-api';
import type { Settlement, SettlementLine } from '../../lib/money/types';
import { useRootData } from '../../lib/root-data';
import { unwrapForPage } from '../../lib/session.server';
import { requireMerchantSide } from '../affiliation/affiliation.server';
import type { Route } from './+types/merchant-settlement';

/** One settlement, order by order: what was sold, what Souk kept, what went to affiliates. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const team = await requireMerchantSide(context, request);
  const settlement = unwrapForPage(await apiJson<Settlement>(context, moneyApi.settlement(params.id)), request);
  return { settlement, teamId: team.teamId };
}

/**
 * A line carries gross, refunds, fee, commission and net; what else its net lost is the VAT on
 * the fee, which the per-order view shows in its own column.
 */
function vatOf(line: SettlementLine): number {
  return line.grossMinor - line.refundedMinor - line.feeMinor - line.commissionMinor - line.netMinor;
}

export default function MerchantSettlement({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { settlement, teamId } = loaderData;
  const money = (minor: number) => formatMoney(minor, settlement.currency, locale);
  const title = t('money.settlements.detailTitle', { period: settlement.period });
  return (
    <Stack gap="lg">
      <PageTitle>{title}</PageTitle>
      <Anchor component={Link} to={`/merchant/settlements?team=${teamId}`} size="sm">
        {t('money.back')}
      </Anchor>
      <div>
        <Title order={1}>{title}</Title>
        <Group gap="sm">
          <SettlementStatusBadge status={settlement.status} />
          <Button component="a" href={moneyApi.settlementStatement(settlement.id)} variant="default" size="compact-sm">
            {t('money.settlements.statementCsv')}
          </Button>
        </Group>
        {settlement.failureReason && (
          <Text size="sm" c="red.8">
            {t('money.settlements.failedReason', { reason: settlement.failureReason })}
          </Text>
        )}
      </div>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} data-testid="settlement-totals">
        <StatCard label={t('money.settlements.gross')} value={money(settlement.grossMinor)} />
        <StatCard label={t('money.settlements.fee')} value={money(settlement.feeMinor)} />
        <StatCard label={t('money.settlements.vat')} value={money(settlement.feeVatMinor)} />
        <StatCard label={t('money.settlements.commissions')} value={money(settlement.commissionsMinor)} />
        <StatCard label={t('money.settlements.refunds')} value={money(settlement.refundsMinor)} />
        <StatCard label={t('money.settlements.net')} value={money(settlement.netMinor)} testId="settlement-net" />
      </SimpleGrid>
      <section aria-labelledby="lines-title">
        <Title order={2} size="h4" id="lines-title" mb="xs">
          {t('money.settlements.lines')}
        </Title>
        {settlement.lines.length === 0 ? (
          <Text>{t('money.settlements.noLines')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped data-testid="settlement-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('money.settlements.order')}</Table.Th>
                  <Table.Th>{t('money.settlements.gross')}</Table.Th>
                  <Table.Th>{t('money.settlements.fee')}</Table.Th>
                  <Table.Th>{t('money.settlements.vat')}</Table.Th>
                  <Table.Th>{t('money.settlements.commissions')}</Table.Th>
                  <Table.Th>{t('money.settlements.refunds')}</Table.Th>
                  <Table.Th>{t('money.settlements.net')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {settlement.lines.map((line) => (
                  <Table.Tr key={line.id} data-testid="settlement-line" data-kind={line.kind}>
                    <Table.Td>
                      <Anchor component={Link} to={`/merchant/orders/${line.orderId}`} dir="ltr">
                        {line.reference}
                      </Anchor>
                      {line.kind !== 'order' && (
                        <Text size="xs" c="dimmed">
                          {t(`money.settlements.lineKind.${line.kind}`)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{money(line.grossMinor)}</Table.Td>
                    <Table.Td>{money(line.feeMinor)}</Table.Td>
                    <Table.Td>{money(vatOf(line))}</Table.Td>
                    <Table.Td>{money(line.commissionMinor)}</Table.Td>
                    <Table.Td>{money(line.refundedMinor)}</Table.Td>
                    <Table.Td fw={600}>{money(line.netMinor)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  );
}
