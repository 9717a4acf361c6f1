import { Box, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { HomeSection } from './section';

const journeys: { title: ParseKeys; prefix: 'influencer' | 'merchant' }[] = [
  { title: 'siteHome.forInfluencers', prefix: 'influencer' },
  { title: 'siteHome.forMerchants', prefix: 'merchant' },
];

export function HowItWorksSection() {
  const { t } = useTranslation();
  return (
    <HomeSection id="how" title={t('siteHome.howTitle')}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        {journeys.map((journey) => (
          <Stack key={journey.prefix} gap="md">
            <Title order={3} size="h4">
              {t(journey.title)}
            </Title>
            <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
              {([1, 2, 3] as const).map((step) => (
                <Box component="li" key={step}>
                  <Group align="flex-start" wrap="nowrap" gap="md">
                    <ThemeIcon size={32} radius="xl" aria-hidden="true">
                      {step}
                    </ThemeIcon>
                    <div>
                      <Text fw={600}>{t(`siteHome.${journey.prefix}Step${step}Title`)}</Text>
                      <Text c="dimmed">{t(`siteHome.${journey.prefix}Step${step}Text`)}</Text>
                    </div>
                  </Group>
                </Box>
              ))}
            </Stack>
          </Stack>
        ))}
      </SimpleGrid>
    </HomeSection>
  );
}
