import { Badge, Text, Title } from '@mantine/core';
import type { ProductCard } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isEndingSoon } from '../../lib/catalog/deal-timing';
import classes from './deal-card.module.css';
import { DealPicture } from './deal-picture';
import { PriceTag } from './price-tag';

/**
 * One deal in a list: photo, title, merchant and city, prices and discount. `eager` is for the
 * cards in the first screenful (the photo of the first one is usually the page's largest paint).
 */
export function DealCard({
  deal,
  now,
  eager = false,
  headingLevel = 3,
}: {
  deal: ProductCard;
  now: number;
  eager?: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const endingSoon = isEndingSoon(deal.expiresAt, now);
  return (
    <article className={classes.card} data-testid="deal-card">
      <div className={classes.media}>
        {deal.image ? (
          // The title names the link; the photo would only repeat it.
          <DealPicture image={deal.image} alt="" sizes="(max-width: 576px) 100vw, 400px" priority={eager} />
        ) : null}
        {endingSoon && (
          <div className={classes.badges}>
            <Badge color="dark.7" size="sm">
              {t('deals.endingSoon')}
            </Badge>
          </div>
        )}
      </div>
      <div className={classes.body}>
        <Title order={headingLevel} size="h5" lh={1.3}>
          <Link to={`/p/${deal.slug}`} className={classes.link} prefetch="intent">
            {deal.title}
          </Link>
        </Title>
        <Text size="sm" c="dimmed">
          {deal.city ? t('deals.merchantIn', { merchant: deal.merchant.name, city: deal.city }) : deal.merchant.name}
        </Text>
        <PriceTag
          priceMinor={deal.discountedPriceMinor}
          originalPriceMinor={deal.originalPriceMinor}
          currency={deal.currency}
          discountPercent={deal.discountPercent}
        />
      </div>
    </article>
  );
}
