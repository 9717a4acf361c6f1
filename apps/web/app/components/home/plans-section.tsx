import { Anchor } from '@mantine/core';
import type { PlanList } from '@souk/contracts/plans';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PlanCards } from '../plans/plan-cards';
import { HomeSection } from './section';

export function PlansSection({ plans }: { plans: PlanList['plans'] }) {
  const { t } = useTranslation();
  return (
    <HomeSection id="plans" title={t('siteHome.plansTitle')} intro={t('siteHome.plansText')}>
      <PlanCards plans={plans} />
      <Anchor component={Link} to="/pricing">
        {t('siteHome.plansDetails')}
      </Anchor>
    </HomeSection>
  );
}
