import { Paper, Text, Timeline, Title } from '@mantine/core';
import type { OrderView } from '@souk/contracts/payments';
import { useTranslation } from 'react-i18next';
import { Timestamp } from '../timestamp';

type OrderEvent = NonNullable<OrderView['events']>[number];

/** The order's history, oldest first, with who did each step when the server knows it. */
export function OrderEvents({ events }: { events: OrderEvent[] }) {
  const { t } = useTranslation();
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
              {event.actor ? ` · ${event.actor}` : ''}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
