import { Anchor } from '@mantine/core';
import type { ProductCard } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DealGrid } from '../catalog/deal-grid';
import { HomeSection } from './section';

/** A row of deals on the home page (featured, deals of the day); hidden when there are none. */
export function DealsSection({
  id,
  title,
  intro,
  deals,
  now,
  moreLink,
}: {
  id: string;
  title: string;
  intro: string;
  deals: ProductCard[];
  now: number;
  moreLink: string;
}) {
  const { t } = useTranslation();
  if (deals.length === 0) return null;
  return (
    <HomeSection id={id} title={title} intro={intro}>
      <DealGrid deals={deals} now={now} />
      <Anchor component={Link} to={moreLink} fw={600}>
        {t('catalogHome.seeAll')}
      </Anchor>
    </HomeSection>
  );
}
