import { SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import type { PublicCategory } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CategoryIcon } from '../catalog/category-icon';
import classes from './categories-section.module.css';
import { HomeSection } from './section';

/** Each category leads to the marketplace filtered on it. */
export function CategoriesSection({ categories }: { categories: PublicCategory[] }) {
  const { t } = useTranslation();
  if (categories.length === 0) return null;
  return (
    <HomeSection id="categories" title={t('catalogHome.categoriesTitle')} intro={t('catalogHome.categoriesIntro')}>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="md">
        {categories.map((category) => (
          <UnstyledButton
            key={category.id}
            component={Link}
            to={`/marketplace?category=${encodeURIComponent(category.slug)}`}
            className={classes.tile}
          >
            <CategoryIcon name={category.icon} className={classes.icon} />
            <Text fw={600}>{category.name}</Text>
            <Text size="sm" c="dimmed">
              {t('catalogHome.categoryCount', { count: category.dealCount })}
            </Text>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </HomeSection>
  );
}
