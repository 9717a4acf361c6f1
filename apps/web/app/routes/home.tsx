import { Box, Button, Card, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../components/page-title';
import { useRootData } from '../lib/root-data';

const audiences: { title: ParseKeys; text: ParseKeys }[] = [
  { title: 'home.merchantsTitle', text: 'home.merchantsText' },
  { title: 'home.influencersTitle', text: 'home.influencersText' },
  { title: 'home.buyersTitle', text: 'home.buyersText' },
];

const steps: { title: ParseKeys; text: ParseKeys }[] = [
  { title: 'home.step1Title', text: 'home.step1Text' },
  { title: 'home.step2Title', text: 'home.step2Text' },
  { title: 'home.step3Title', text: 'home.step3Text' },
];

export default function Home() {
  const { t } = useTranslation();
  const { viewer } = useRootData();
  const callToAction = viewer ? (
    <Button component={Link} to="/dashboard" size="md">
      {t('home.ctaDashboard')}
    </Button>
  ) : (
    <>
      <Button component={Link} to="/sign-up" size="md">
        {t('home.ctaSignUp')}
      </Button>
      <Button component={Link} to="/sign-in" size="md" variant="default">
        {t('home.ctaSignIn')}
      </Button>
    </>
  );

  return (
    <Stack gap={64}>
      <PageTitle>{t('home.title')}</PageTitle>
      <meta name="description" content={t('home.description')} />

      <Stack component="section" gap="lg" py="xl" maw={720}>
        <Title order={1} fz={{ base: 32, sm: 48 }} lh={1.15}>
          {t('home.heroTitle')}
        </Title>
        <Text size="lg" c="dimmed">
          {t('home.heroText')}
        </Text>
        <Group>{callToAction}</Group>
      </Stack>

      <Stack component="section" gap="lg" aria-labelledby="audiences-title">
        <Title order={2} id="audiences-title">
          {t('home.audiencesTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          {audiences.map((audience) => (
            <Card key={audience.title} withBorder padding="lg">
              <Title order={3} size="h4" mb="xs">
                {t(audience.title)}
              </Title>
              <Text c="dimmed">{t(audience.text)}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>

      <Stack component="section" gap="lg" aria-labelledby="how-title">
        <Title order={2} id="how-title">
          {t('home.howTitle')}
        </Title>
        <SimpleGrid component="ol" cols={{ base: 1, sm: 3 }} spacing="lg" p={0} m={0} style={{ listStyle: 'none' }}>
          {steps.map((step, index) => (
            <Box component="li" key={step.title}>
              <Group align="flex-start" wrap="nowrap" gap="md">
                <ThemeIcon size={36} radius="xl" aria-hidden="true">
                  {index + 1}
                </ThemeIcon>
                <div>
                  <Title order={3} size="h4" mb={4}>
                    {t(step.title)}
                  </Title>
                  <Text c="dimmed">{t(step.text)}</Text>
                </div>
              </Group>
            </Box>
          ))}
        </SimpleGrid>
      </Stack>

      {!viewer && (
        <Paper component="section" p="xl" bg="indigo.0" aria-labelledby="cta-title">
          <Stack gap="sm" align="flex-start">
            <Title order={2} id="cta-title">
              {t('home.ctaTitle')}
            </Title>
            <Text>{t('home.ctaText')}</Text>
            {callToAction}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
