import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export type DealState = 'preview' | 'ended' | 'sold_out' | 'on_sale';

/** Says plainly when a deal cannot be bought: ended, sold out, or not published yet (a preview). */
export function DealStatusNotice({ state }: { state: DealState }) {
  const { t } = useTranslation();
  if (state === 'ended') {
    return (
      <Alert color="red" variant="light" title={t('deal.endedTitle')} data-testid="deal-ended" role="status">
        {t('deal.endedText')}{' '}
        <Anchor component={Link} to="/marketplace">
          {t('catalogHome.seeAll')}
        </Anchor>
      </Alert>
    );
  }
  if (state === 'sold_out') {
    return (
      <Alert color="orange" variant="light" title={t('deal.soldOutTitle')} data-testid="deal-sold-out" role="status">
        {t('deal.soldOutText')}
      </Alert>
    );
  }
  if (state === 'preview') {
    return (
      <Alert color="yellow" variant="light" role="status">
        {t('deal.previewBanner')}
      </Alert>
    );
  }
  return null;
}
