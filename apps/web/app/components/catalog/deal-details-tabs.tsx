import { Stack, Tabs, Text, Title, Typography } from '@mantine/core';
import type { PublicProduct, ReviewPage } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';
import { FaqList } from '../faq-list';
import { RatingSummary } from './rating-summary';
import { ReviewList } from './review-list';
import { TextList } from './text-list';

/**
 * Overview, conditions and reviews as tabs (arrow keys move between them). Every panel is in the
 * server HTML, so search engines read all of it.
 */
export function DealDetailsTabs({
  product,
  reviews,
  moreReviewsHref,
}: {
  product: PublicProduct;
  reviews: ReviewPage | null;
  moreReviewsHref: string | null;
}) {
  const { t } = useTranslation();
  const reviewCount = reviews?.summary.count ?? product.rating.count;
  return (
    <Tabs defaultValue="overview" keepMounted>
      <Tabs.List aria-label={t('deal.tabsLabel')}>
        <Tabs.Tab value="overview">{t('deal.tabOverview')}</Tabs.Tab>
        <Tabs.Tab value="conditions">{t('deal.tabConditions')}</Tabs.Tab>
        <Tabs.Tab value="reviews">{t('deal.tabReviews', { count: reviewCount })}</Tabs.Tab>
      </Tabs.List>

      <Tabs.Panel value="overview" pt="lg">
        <Stack gap="xl">
          {product.descriptionHtml && (
            <Typography>
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the API sanitises the description when it is saved. */}
              <div dangerouslySetInnerHTML={{ __html: product.descriptionHtml }} />
            </Typography>
          )}
          <TextList title={t('deal.highlights')} items={product.highlights} />
          <TextList title={t('deal.included')} items={product.included} />
          <TextList title={t('deal.howItWorks')} items={product.howItWorks} ordered />
          {product.faq.length > 0 && (
            <Stack gap="xs" component="section">
              <Title order={2} size="h4">
                {t('deal.faq')}
              </Title>
              <FaqList
                items={product.faq.map((entry, index) => ({
                  id: `deal-faq-${index}`,
                  question: entry.question,
                  answer: entry.answer,
                }))}
              />
            </Stack>
          )}
        </Stack>
      </Tabs.Panel>

      <Tabs.Panel value="conditions" pt="lg">
        <Stack gap="sm">
          {product.conditions ? (
            <Text style={{ whiteSpace: 'pre-line' }}>{product.conditions}</Text>
          ) : (
            <Text c="dimmed">—</Text>
          )}
          {product.maxPerPurchase !== null && (
            <Text size="sm">{t('deal.perPurchase', { min: product.minPerPurchase, max: product.maxPerPurchase })}</Text>
          )}
        </Stack>
      </Tabs.Panel>

      <Tabs.Panel value="reviews" pt="lg">
        <Stack gap="xl">
          {reviews && reviews.summary.count > 0 && <RatingSummary summary={reviews.summary} />}
          <ReviewList reviews={reviews?.items ?? []} moreHref={moreReviewsHref} />
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}
