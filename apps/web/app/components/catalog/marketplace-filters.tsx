import { Button, Checkbox, Group, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import type { PublicCategory } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import { type MarketplaceFilters, sortOptions } from '../../lib/catalog/marketplace-query';
import classes from './marketplace-filters.module.css';

/**
 * Search and filters as a plain GET form: it works without JavaScript, and every result page has
 * a URL that can be shared or indexed. Native selects for the same reason.
 */
export function MarketplaceFiltersForm({
  filters,
  categories,
  lang,
}: {
  filters: MarketplaceFilters;
  categories: PublicCategory[];
  lang: string | null;
}) {
  const { t } = useTranslation();
  // The less used filters stay folded (a shorter form above the results on a phone) unless in use.
  const advancedActive = Boolean(
    filters.city || filters.minPrice || filters.maxPrice || filters.minDiscount || filters.endingSoon,
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="filters-title">
      <Form method="get" action="/marketplace" role="search">
        <Stack gap="sm">
          <Title order={2} size="h4" id="filters-title">
            {t('marketplace.filtersTitle')}
          </Title>
          {lang && <input type="hidden" name="lang" value={lang} />}
          <TextInput
            type="search"
            name="q"
            label={t('marketplace.search')}
            placeholder={t('marketplace.searchPlaceholder')}
            defaultValue={filters.q}
            maxLength={200}
          />
          <NativeSelect
            name="category"
            label={t('marketplace.category')}
            defaultValue={filters.category}
            data={[
              { value: '', label: t('marketplace.allCategories') },
              ...categories.map((category) => ({ value: category.slug, label: category.name })),
            ]}
          />
          <NativeSelect
            name="sort"
            label={t('marketplace.sort')}
            defaultValue={filters.sort || (filters.q ? 'relevance' : 'newest')}
            data={sortOptions.map((sort) => ({ value: sort, label: t(`marketplace.sorts.${sort}`) }))}
          />
          <details className={classes.more} open={advancedActive}>
            <summary className={classes.summary}>{t('marketplace.moreFilters')}</summary>
            <Stack gap="sm" pt="xs">
              <TextInput name="city" label={t('marketplace.city')} defaultValue={filters.city} maxLength={120} />
              <Group grow gap="xs">
                <TextInput
                  name="minPrice"
                  label={t('marketplace.minPrice')}
                  inputMode="decimal"
                  defaultValue={filters.minPrice}
                  dir="ltr"
                />
                <TextInput
                  name="maxPrice"
                  label={t('marketplace.maxPrice')}
                  inputMode="decimal"
                  defaultValue={filters.maxPrice}
                  dir="ltr"
                />
              </Group>
              <TextInput
                name="minDiscount"
                type="number"
                min={0}
                max={100}
                label={t('marketplace.minDiscount')}
                defaultValue={filters.minDiscount}
                dir="ltr"
              />
              <Checkbox
                name="endingSoon"
                value="1"
                label={t('marketplace.endingSoon')}
                defaultChecked={filters.endingSoon}
              />
            </Stack>
          </details>
          <Group gap="xs">
            <Button type="submit">{t('marketplace.apply')}</Button>
            <Button component={Link} to={lang ? `/marketplace?lang=${lang}` : '/marketplace'} variant="subtle">
              {t('marketplace.reset')}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
