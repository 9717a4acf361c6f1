import { Anchor, Box, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { OrderView } from '@souk/contracts/payments';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../../lib/format-money';
import { useRootData } from '../../lib/root-data';
import { Timestamp } from '../timestamp';
import { OrderStatusBadge } from './order-status-badge';

interface OrderListProps {
  orders: OrderView[];
  detailPath: (orderId: string) => string;
  showMerchant?: boolean;
}

/**
 * Orders of the merchant and admin lists: a table on wide screens, one card per order on a phone
 * (both in the HTML, CSS shows one). The reference opens the detail page.
 */
export function OrderTable(props: OrderListProps) {
  return (
    <>
      <Box visibleFrom="sm">
        <OrderRows {...props} />
      </Box>
      <Box hiddenFrom="sm">
        <OrderCards {...props} />
      </Box>
    </>
  );
}

function OrderCards({ orders, detailPath, showMerchant = false }: OrderListProps) {
  const { locale } = useRootData();
  return (
    <Stack gap="sm">
      {orders.map((order) => (
        <Paper key={order.id} withBorder p="sm" data-testid="order-card" data-order-id={order.id}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Anchor
              component={Link}
              to={detailPath(order.id)}
              dir="ltr"
              ff="monospace"
              style={{ whiteSpace: 'nowrap' }}
            >
              {order.reference}
            </Anchor>
            <OrderStatusBadge status={order.status} />
          </Group>
          <Text size="sm">{order.items.map((item) => `${item.quantity} × ${item.title}`).join(', ')}</Text>
          <Text size="sm" c="dimmed">
            {order.buyer.name}
            {showMerchant ? ` · ${order.merchant.name}` : ''}
          </Text>
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              <Timestamp value={order.createdAt} />
            </Text>
            <Text size="sm" fw={600}>
              {formatMoney(order.totalMinor, order.currency, locale)}
            </Text>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

function OrderRows({ orders, detailPath, showMerchant = false }: OrderListProps) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover data-testid="order-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('merchantOrders.number')}</Table.Th>
            <Table.Th>{t('merchantOrders.date')}</Table.Th>
            <Table.Th>{t('merchantOrders.buyer')}</Table.Th>
            <Table.Th>{t('merchantOrders.deal')}</Table.Th>
            {showMerchant && <Table.Th>{t('paymentsAdmin.merchant')}</Table.Th>}
            <Table.Th>{t('merchantOrders.amount')}</Table.Th>
            <Table.Th>{t('merchantOrders.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((order) => (
            <Table.Tr key={order.id} data-testid="order-row" data-order-id={order.id} data-status={order.status}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={detailPath(order.id)}
                  dir="ltr"
                  ff="monospace"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {order.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Timestamp value={order.createdAt} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{order.buyer.name}</Text>
                <Text size="xs" c="dimmed" dir="ltr">
                  {order.buyer.email}
                </Text>
              </Table.Td>
              <Table.Td>
                {order.items.map((item) => (
                  <Text key={item.productId} size="sm">
                    {item.quantity} × {item.title}
                  </Text>
                ))}
              </Table.Td>
              {showMerchant && <Table.Td>{order.merchant.name}</Table.Td>}
              <Table.Td>
                <Text size="sm" fw={600}>
                  {formatMoney(order.totalMinor, order.currency, locale)}
                </Text>
                {order.refundedMinor > 0 && (
                  <Text size="xs" c="dimmed">
                    −{formatMoney(order.refundedMinor, order.currency, locale)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <OrderStatusBadge status={order.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
