import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * Cursor pagination as real links: "next" carries the API's cursor, "first" drops it. Crawlers
 * and visitors without JavaScript follow them like any link.
 */
export function PaginationLinks({ firstHref, nextHref }: { firstHref: string | null; nextHref: string | null }) {
  const { t } = useTranslation();
  if (!firstHref && !nextHref) return null;
  return (
    <Group component="nav" aria-label={t('marketplace.pagination')} justify="center" gap="sm">
      {firstHref && (
        <Button component={Link} to={firstHref} variant="default">
          {t('marketplace.firstPage')}
        </Button>
      )}
      {nextHref && (
        <Button component={Link} to={nextHref} rel="next" data-testid="next-page">
          {t('marketplace.nextPage')}
        </Button>
      )}
    </Group>
  );
}
