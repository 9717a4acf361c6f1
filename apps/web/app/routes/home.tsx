import { Stack } from '@mantine/core';
import type { MarketplaceStats, ProductCard, PublicCategory } from '@souk/contracts/catalog';
import type { PlanList } from '@souk/contracts/plans';
import type { PublicFaqEntry, PublicTestimonial } from '@souk/contracts/site';
import { useTranslation } from 'react-i18next';
import { CategoriesSection } from '../components/home/categories-section';
import { DealsSection } from '../components/home/deals-section';
import { FaqSection } from '../components/home/faq-section';
import { FeaturesSection } from '../components/home/features-section';
import { FinalCtaSection } from '../components/home/final-cta-section';
import { HeroSection } from '../components/home/hero-section';
import { HowItWorksSection } from '../components/home/how-it-works-section';
import { PlansSection } from '../components/home/plans-section';
import { StatsSection } from '../components/home/stats-section';
import { TestimonialsSection } from '../components/home/testimonials-section';
import { JsonLd } from '../components/json-ld';
import { type ApiResult, apiJson, unwrap } from '../lib/api.server';
import { billingApi } from '../lib/billing/billing-api';
import { translations } from '../lib/i18n';
import { publicPageMeta } from '../lib/public-meta';
import { useRootData } from '../lib/root-data';
import type { Route } from './+types/home';

/** The marketplace sections are extras: if the catalog cannot answer, the home page still shows. */
function itemsOr<T>(result: ApiResult<{ items: T[] }>): T[] {
  return result.ok ? result.data.items : [];
}

export async function loader({ context }: Route.LoaderArgs) {
  const [plans, testimonials, faq, stats, featured, dealsOfTheDay, categories] = await Promise.all([
    apiJson<PlanList>(context, billingApi.plans),
    apiJson<{ items: PublicTestimonial[] }>(context, '/api/v1/site/testimonials'),
    apiJson<{ items: PublicFaqEntry[] }>(context, '/api/v1/site/faq'),
    apiJson<MarketplaceStats>(context, '/api/v1/marketplace/stats'),
    apiJson<{ items: ProductCard[] }>(context, '/api/v1/marketplace/featured'),
    apiJson<{ items: ProductCard[] }>(context, '/api/v1/marketplace/deals-of-the-day'),
    apiJson<{ items: PublicCategory[] }>(context, '/api/v1/marketplace/categories'),
  ]);
  return {
    plans: unwrap(plans).plans,
    testimonials: unwrap(testimonials).items,
    faq: unwrap(faq).items,
    stats: stats.ok ? stats.data : null,
    featured: itemsOr(featured).slice(0, 8),
    dealsOfTheDay: itemsOr(dealsOfTheDay).slice(0, 4),
    categories: itemsOr(categories),
    // One clock for the server render and the hydration ("ending soon" badges).
    now: Date.now(),
  };
}

export const meta: Route.MetaFunction = ({ matches }) =>
  publicPageMeta(matches, (locale) => ({
    title: translations[locale].siteHome.title,
    description: translations[locale].siteHome.description,
    path: '/',
  }));

function SiteStructuredData() {
  const { origin } = useRootData();
  const url = `${origin}/`;
  return (
    <JsonLd
      data={[
        { '@context': 'https://schema.org', '@type': 'Organization', name: 'Souk', url },
        { '@context': 'https://schema.org', '@type': 'WebSite', name: 'Souk', url, inLanguage: ['fr', 'en', 'ar'] },
      ]}
    />
  );
}

/**
 * The home page is a list of sections; each is its own component. Buyers' sections (figures,
 * deals, categories) come right after the hero; the pitch to merchants and creators follows.
 */
export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={64}>
      <SiteStructuredData />
      <HeroSection />
      {loaderData.stats && <StatsSection stats={loaderData.stats} />}
      <DealsSection
        id="deals-of-the-day"
        title={t('catalogHome.dealsOfTheDayTitle')}
        intro={t('catalogHome.dealsOfTheDayIntro')}
        deals={loaderData.dealsOfTheDay}
        now={loaderData.now}
        moreLink="/marketplace?sort=ending_soon"
      />
      <CategoriesSection categories={loaderData.categories} />
      <DealsSection
        id="featured"
        title={t('catalogHome.featuredTitle')}
        intro={t('catalogHome.featuredIntro')}
        deals={loaderData.featured}
        now={loaderData.now}
        moreLink="/marketplace"
      />
      <HowItWorksSection />
      <FeaturesSection />
      <TestimonialsSection testimonials={loaderData.testimonials} />
      <PlansSection plans={loaderData.plans} />
      <FaqSection entries={loaderData.faq} />
      <FinalCtaSection />
    </Stack>
  );
}
