import type { PublicFaqEntry } from '@souk/contracts/site';
import { useTranslation } from 'react-i18next';
import { FaqList } from '../faq-list';
import { HomeSection } from './section';

export function FaqSection({ entries }: { entries: PublicFaqEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <HomeSection id="faq" title={t('siteHome.faqTitle')}>
      <FaqList items={entries} />
    </HomeSection>
  );
}
