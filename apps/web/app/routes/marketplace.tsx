import { Alert, Grid, Stack, Text, Title } from '@mantine/core';
import type { ProductCardList, PublicCategory } from '@souk/contracts/catalog';
import { localeQueryParam } from '@souk/contracts/locales';
import { useTranslation } from 'react-i18next';
import { DealGrid } from '../components/catalog/deal-grid';
import { MarketplaceFiltersForm } from '../components/catalog/marketplace-filters';
import { PaginationLinks } from '../components/catalog/pagination-links';
import { PageTitle } from '../components/page-title';
import { apiJson, unwrap } from '../lib/api.server';
import { apiQueryOf, filtersOf, pageLink } from '../lib/catalog/marketplace-query';
import { translations } from '../lib/i18n';
import { publicPageMeta } from '../lib/public-meta';
import type { Route } from './+types/marketplace';

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const filters = filtersOf(url.searchParams);
  const cursor = url.searchParams.get('cursor');
  const [list, categories] = await Promise.all([
    apiJson<ProductCardList>(context, `/api/v1/marketplace/products?${apiQueryOf(filters, cursor)}`),
    apiJson<{ items: PublicCategory[] }>(context, '/api/v1/marketplace/categories'),
  ]);
  const page = unwrap(list);
  const categoryList = categories.ok ? categories.data.items : [];
  return {
    filters,
    items: page.items,
    categories: categoryList,
    category: categoryList.find((category) => category.slug === filters.category) ?? null,
    nextHref: page.nextCursor ? pageLink(url.searchParams, page.nextCursor) : null,
    firstHref: cursor ? pageLink(url.searchParams, null) : null,
    lang: url.searchParams.get(localeQueryParam),
    // Filtered or later pages are for visitors; the indexable pages are the listing and its categories.
    indexable: !cursor && !filters.q && !filters.city && !filters.minPrice && !filters.maxPrice,
    now: Date.now(),
  };
}

export const meta: Route.MetaFunction = ({ matches, data: loaderData }) =>
  publicPageMeta(matches, (locale) => {
    const words = translations[locale].marketplace;
    const category = loaderData?.category;
    return {
      title: category ? words.categoryTitle.replace('{{category}}', category.name) : words.title,
      description: words.description,
      path: category ? `/marketplace?category=${encodeURIComponent(category.slug)}` : '/marketplace',
      noindex: loaderData ? !loaderData.indexable : false,
    };
  });

export default function Marketplace({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { filters, items, categories, category, nextHref, firstHref, lang, now } = loaderData;
  const title = category ? t('marketplace.categoryTitle', { category: category.name }) : t('marketplace.title');
  return (
    <Stack gap="xl">
      <PageTitle>{title}</PageTitle>
      <Stack gap={4}>
        <Title order={1}>{title}</Title>
        <Text c="dimmed">{t('marketplace.intro')}</Text>
      </Stack>
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <MarketplaceFiltersForm filters={filters} categories={categories} lang={lang} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="lg" component="section" aria-labelledby="results-title">
            <Title order={2} size="h4" id="results-title">
              {t('marketplace.resultsLabel')}
            </Title>
            {items.length === 0 ? (
              <Alert color="gray" title={t('marketplace.emptyTitle')} data-testid="marketplace-empty">
                {t('marketplace.emptyText')}
              </Alert>
            ) : (
              <DealGrid deals={items} now={now} eagerCount={2} />
            )}
            <PaginationLinks firstHref={firstHref} nextHref={nextHref} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
