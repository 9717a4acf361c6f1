import { Anchor, Breadcrumbs, Grid, Group, Stack, Text, Title } from '@mantine/core';
import type { PublicProduct } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DealActions } from '../../components/catalog/deal-actions';
import { DealCountdown } from '../../components/catalog/deal-countdown';
import { DealDetailsTabs } from '../../components/catalog/deal-details-tabs';
import { DealGallery } from '../../components/catalog/deal-gallery';
import { DealLocation } from '../../components/catalog/deal-location';
import { type DealState, DealStatusNotice } from '../../components/catalog/deal-status-notice';
import { MerchantCard } from '../../components/catalog/merchant-card';
import { PriceTag } from '../../components/catalog/price-tag';
import { ShareButtons } from '../../components/catalog/share-buttons';
import { Stars } from '../../components/catalog/stars';
import { JsonLd } from '../../components/json-ld';
import { dealStructuredData } from '../../lib/catalog/deal-structured-data';
import { minorToDecimal } from '../../lib/catalog/minor-units';
import { plainTextExcerpt } from '../../lib/catalog/plain-text';
import { translations } from '../../lib/i18n';
import { publicPageMeta } from '../../lib/public-meta';
import { useRootData } from '../../lib/root-data';
import { localizedUrl } from '../../lib/seo';
import type { Route } from './+types/route';
import { loadPublicProduct, loadReviews } from './product.server';

function stateOf(product: PublicProduct, now: number, preview: boolean): DealState {
  if (preview || (product.status !== 'published' && product.status !== 'expired')) return 'preview';
  if (product.status === 'expired' || (product.expiresAt && new Date(product.expiresAt).getTime() <= now)) {
    return 'ended';
  }
  return product.soldOut ? 'sold_out' : 'on_sale';
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const reviewsCursor = url.searchParams.get('reviews');
  const [product, reviews] = await Promise.all([
    loadPublicProduct(context, request, params.slug),
    loadReviews(context, params.slug, reviewsCursor),
  ]);
  const now = Date.now();
  const moreReviews = new URLSearchParams(url.searchParams);
  if (reviews?.nextCursor) moreReviews.set('reviews', reviews.nextCursor);
  return {
    product,
    reviews,
    moreReviewsHref: reviews?.nextCursor ? `${url.pathname}?${moreReviews}` : null,
    state: stateOf(product, now, url.searchParams.has('preview')),
    description: plainTextExcerpt(product.descriptionHtml) || product.highlights.join(' · ') || product.title,
    // The countdown's first render (server and hydration) uses the server's clock.
    now,
  };
}

export const meta: Route.MetaFunction = ({ matches, data: loaderData }) => {
  if (!loaderData) return [];
  const { product, state, description } = loaderData;
  const cover = product.images[0];
  return [
    ...publicPageMeta(matches, () => ({
      title: product.title,
      description,
      path: `/p/${product.slug}`,
      type: 'product',
      image: cover
        ? { url: cover.url, alt: cover.alt || product.title, width: cover.width, height: cover.height }
        : undefined,
      // An ended deal stays reachable for people holding the link, out of search results.
      noindex: state === 'ended' || state === 'preview',
    })),
    { property: 'product:price:amount', content: minorToDecimal(product.discountedPriceMinor) },
    { property: 'product:price:currency', content: product.currency },
  ];
};

export default function DealPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, origin } = useRootData();
  const { product, reviews, moreReviewsHref, state, now } = loaderData;
  const url = localizedUrl(origin, `/p/${product.slug}`, locale);
  const words = translations[locale].deal;
  const rating = reviews?.summary ?? { average: product.rating.average, count: product.rating.count };
  const running = state === 'on_sale' || state === 'sold_out' || state === 'preview';

  return (
    <Stack gap="xl">
      <JsonLd
        data={dealStructuredData({
          product,
          summary: reviews?.summary ?? null,
          url,
          origin,
          labels: { home: words.breadcrumbHome, marketplace: words.breadcrumbMarketplace },
          ended: state === 'ended',
        })}
      />
      <Breadcrumbs
        component="nav"
        aria-label={t('deal.breadcrumbLabel')}
        separatorMargin={6}
        style={{ flexWrap: 'wrap' }}
      >
        <Anchor component={Link} to="/" size="sm">
          {t('deal.breadcrumbHome')}
        </Anchor>
        <Anchor component={Link} to="/marketplace" size="sm">
          {t('deal.breadcrumbMarketplace')}
        </Anchor>
        <Anchor component={Link} to={`/marketplace?category=${encodeURIComponent(product.category.slug)}`} size="sm">
          {product.category.name}
        </Anchor>
      </Breadcrumbs>

      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <DealGallery images={product.images} title={product.title} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <DealStatusNotice state={state} />
            <Title order={1} fz={{ base: 26, sm: 32 }} lh={1.2}>
              {product.title}
            </Title>
            <Group gap="xs">
              <Text c="dimmed">
                {product.city ? `${product.merchant.name} · ${product.city}` : product.merchant.name}
              </Text>
              {rating.count > 0 && (
                <Group gap={4}>
                  <Stars rating={rating.average} label={t('deal.rating', { rating: rating.average })} />
                  <Text size="sm" c="dimmed">
                    ({rating.count})
                  </Text>
                </Group>
              )}
            </Group>
            <PriceTag
              size="lg"
              priceMinor={product.discountedPriceMinor}
              originalPriceMinor={product.originalPriceMinor}
              currency={product.currency}
              discountPercent={product.discountPercent}
            />
            {running && product.expiresAt && <DealCountdown expiresAt={product.expiresAt} serverNow={now} />}
            {state === 'on_sale' && product.stockQuantity !== null && product.stockQuantity <= 20 && (
              <Text size="sm" fw={600} c="orange.9">
                {t('deal.stockLeft', { count: product.stockQuantity })}
              </Text>
            )}
            <DealActions slug={product.slug} productId={product.id} canBuy={state === 'on_sale'} />
            <ShareButtons url={url} title={product.title} />
          </Stack>
        </Grid.Col>
      </Grid>

      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <DealDetailsTabs product={product} reviews={reviews} moreReviewsHref={moreReviewsHref} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <MerchantCard name={product.merchant.name} city={product.city} verified={product.merchant.verified} />
            {product.location && <DealLocation location={product.location} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
