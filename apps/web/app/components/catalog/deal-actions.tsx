import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useRootData } from '../../lib/root-data';
import { signInPath } from '../../lib/safe-redirect';

/**
 * "Buy" and "Promote" are links to the checkout and affiliation pages. Promoting needs an
 * account: a visitor goes to sign-in first, and comes back to the promote page after. An
 * influencer can also open the social composer on the deal.
 */
export function DealActions({ slug, productId, canBuy }: { slug: string; productId: string; canBuy: boolean }) {
  const { t } = useTranslation();
  const { viewer } = useRootData();
  const promotePath = `/p/${slug}/promote`;
  // A visit from a tracked link keeps its click id on the way to checkout (the cookie may be refused).
  const clickId = new URLSearchParams(useLocation().search).get('souk_cid');
  const buyPath = clickId ? `/p/${slug}/buy?${new URLSearchParams({ souk_cid: clickId })}` : `/p/${slug}/buy`;
  return (
    <Stack gap="xs">
      {canBuy ? (
        <Button component={Link} to={buyPath} size="lg" fullWidth data-testid="buy">
          {t('deal.buy')}
        </Button>
      ) : (
        <Button size="lg" fullWidth disabled>
          {t('deal.buy')}
        </Button>
      )}
      <Button
        component={Link}
        to={viewer ? promotePath : signInPath(promotePath)}
        variant="light"
        fullWidth
        data-testid="promote"
      >
        {t('deal.promote')}
      </Button>
      {viewer?.accountType === 'influencer' && (
        <Button
          component={Link}
          to={`/social/compose?productId=${encodeURIComponent(productId)}`}
          variant="subtle"
          fullWidth
          data-testid="publish-to-networks"
        >
          {t('social.publishToNetworks')}
        </Button>
      )}
    </Stack>
  );
}
