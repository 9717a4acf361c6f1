import { Stack } from '@mantine/core';
import type { PlanList } from '@souk/contracts/plans';
import type { PublicFaqEntry, PublicTestimonial } from '@souk/contracts/site';
import { FaqSection } from '../components/home/faq-section';
import { FeaturesSection } from '../components/home/features-section';
import { FinalCtaSection } from '../components/home/final-cta-section';
import { HeroSection } from '../components/home/hero-section';
import { HowItWorksSection } from '../components/home/how-it-works-section';
import { PlansSection } from '../components/home/plans-section';
import { TestimonialsSection } from '../components/home/testimonials-section';
import { JsonLd } from '../components/json-ld';
import { apiJson, unwrap } from '../lib/api.server';
import { translations } from '../lib/i18n';
import { publicPageMeta } from '../lib/public-meta';
import { useRootData } from '../lib/root-data';
import type { Route } from './+types/home';

export async function loader({ context }: Route.LoaderArgs) {
  const [plans, testimonials, faq] = await Promise.all([
    apiJson<PlanList>(context, '/api/v1/site/plans'),
    apiJson<{ items: PublicTestimonial[] }>(context, '/api/v1/site/testimonials'),
    apiJson<{ items: PublicFaqEntry[] }>(context, '/api/v1/site/faq'),
  ]);
  return { plans: unwrap(plans).plans, testimonials: unwrap(testimonials).items, faq: unwrap(faq).items };
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

/** The home page is a list of sections; each is its own component. */
export default function Home({ loaderData }: Route.ComponentProps) {
  return (
    <Stack gap={64}>
      <SiteStructuredData />
      <HeroSection />
      <HowItWorksSection />
      <FeaturesSection />
      <TestimonialsSection testimonials={loaderData.testimonials} />
      <PlansSection plans={loaderData.plans} />
      <FaqSection entries={loaderData.faq} />
      <FinalCtaSection />
    </Stack>
  );
}
