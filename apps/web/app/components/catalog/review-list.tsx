import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReviewView } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRootData } from '../../lib/root-data';
import { Stars } from './stars';

function formatDay(iso: string, locale: string): string {
  // Fixed time zone: the server render and the hydration must print the same day.
  return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-u-nu-latn' : locale, {
    dateStyle: 'medium',
    timeZone: 'Africa/Casablanca',
  }).format(new Date(iso));
}

/** Reviews, newest first, each with the merchant's reply under it. */
export function ReviewList({ reviews, moreHref }: { reviews: ReviewView[]; moreHref: string | null }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  if (reviews.length === 0) return <Text c="dimmed">{t('deal.noReviews')}</Text>;
  return (
    <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {reviews.map((review) => (
        <Paper
          key={review.id}
          component="li"
          withBorder
          p="md"
          data-testid="review"
          data-verified={review.verifiedPurchase}
        >
          <Stack gap={6}>
            <Group gap="xs">
              <Stars rating={review.rating} label={t('deal.rating', { rating: review.rating })} />
              {review.verifiedPurchase && (
                <Badge color="teal" variant="light" size="sm" data-testid="verified-purchase">
                  {t('buyerOrders.verifiedPurchase')}
                </Badge>
              )}
            </Group>
            {review.title && (
              <Title order={3} size="h5">
                {review.title}
              </Title>
            )}
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {review.body}
            </Text>
            <Text size="xs" c="dimmed">
              {t('deal.reviewBy', { name: review.authorName, date: formatDay(review.createdAt, locale) })}
            </Text>
            {review.reply && (
              <Paper bg="gray.0" p="sm" ms="md">
                <Text size="sm" fw={600}>
                  {t('deal.merchantReply')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {review.reply.body}
                </Text>
              </Paper>
            )}
          </Stack>
        </Paper>
      ))}
      {moreHref && (
        <li>
          <Anchor component={Link} to={moreHref} preventScrollReset>
            {t('deal.moreReviews')}
          </Anchor>
        </li>
      )}
    </Stack>
  );
}
