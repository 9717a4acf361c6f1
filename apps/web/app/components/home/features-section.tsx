import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HomeSection } from './section';

const features = [1, 2, 3, 4, 5, 6] as const;

export function FeaturesSection() {
  const { t } = useTranslation();
  return (
    <HomeSection id="features" title={t('siteHome.featuresTitle')}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg">
        {features.map((feature) => (
          <Card key={feature} withBorder padding="lg">
            <Title order={3} size="h5" mb={4}>
              {t(`siteHome.feature${feature}Title`)}
            </Title>
            <Text c="dimmed" size="sm">
              {t(`siteHome.feature${feature}Text`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </HomeSection>
  );
}
