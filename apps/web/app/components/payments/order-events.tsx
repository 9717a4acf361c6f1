import { Paper, Text, Timeline, Title } from '@mantine/core';
import { gatewayIds, type OrderView } from '@souk/contracts/payments';
import { useTranslation } from 'react-i18next';
import { Timestamp } from '../timestamp';

type OrderEvent = NonNullable<OrderView['events']>[number];

/** The order's history, oldest first, with who did each step when the server knows it. */
export function OrderEvents({ events }: { events: OrderEvent[] }) {
  const { t } = useTranslation();
  // The server names people by name, and the buyer and the gateways by a word of its own.
  const actorName = (actor: string) => {
    if (actor === 'buyer') return t('merchantOrders.buyer');
    const gateway = gatewayIds.find((id) => id === actor);
    return gateway ? t(`gateway.${gateway}`) : actor;
  };
  return (
    <Paper withBorder p="md" data-testid="order-events">
      <Title order={2} size="h4" mb="sm">
        {t('merchantOrders.events')}
      </Title>
      <Timeline bulletSize={12} lineWidth={2}>
        {events.map((event, index) => (
          <Timeline.Item
            // Events have no id; their position in the history is stable.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            title={t(`orderEvent.${event.type}` as 'orderEvent.created', { defaultValue: event.type })}
            data-testid="order-event"
            data-type={event.type}
          >
            <Text size="xs" c="dimmed">
              <Timestamp value={event.at} />
              {event.actor ? ` · ${actorName(event.actor)}` : ''}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
