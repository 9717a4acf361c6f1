import { Card, SimpleGrid, Text } from '@mantine/core';
import type { PublicTestimonial } from '@souk/contracts/site';
import { useTranslation } from 'react-i18next';
import { HomeSection } from './section';

export function TestimonialsSection({ testimonials }: { testimonials: PublicTestimonial[] }) {
  const { t } = useTranslation();
  if (testimonials.length === 0) return null;
  return (
    <HomeSection id="testimonials" title={t('siteHome.testimonialsTitle')}>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        {testimonials.map((testimonial) => (
          <Card key={testimonial.id} withBorder padding="lg" component="figure" m={0}>
            <Text component="blockquote" m={0} mb="md" style={{ fontStyle: 'italic' }}>
              “{testimonial.quote}”
            </Text>
            <Text component="figcaption" size="sm">
              <strong>{testimonial.authorName}</strong>
              <Text component="span" c="dimmed">
                {' · '}
                {testimonial.role}
              </Text>
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </HomeSection>
  );
}
