import { Anchor, Box, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { data, Link, useLocation } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { type LegalPage, legalDocuments, legalPages, legalVersionDate } from '../../content/legal';
import { translations } from '../../lib/i18n';
import { publicPageMeta } from '../../lib/public-meta';
import { useRootData } from '../../lib/root-data';
import type { Route } from './+types/legal-page';

const footerKeys = {
  terms: 'terms',
  'sales-conditions': 'salesConditions',
  privacy: 'privacy',
  notice: 'notice',
} as const satisfies Record<LegalPage, string>;

function isLegalPage(value: string | undefined): value is LegalPage {
  return (legalPages as readonly string[]).includes(value ?? '');
}

export async function loader({ params }: Route.LoaderArgs) {
  if (!isLegalPage(params.page)) throw data(null, { status: 404 });
  return { page: params.page };
}

export const meta: Route.MetaFunction = ({ matches, data: loaderData }) =>
  loaderData
    ? publicPageMeta(matches, (locale) => ({
        title: legalDocuments[locale][loaderData.page].title,
        description: legalDocuments[locale][loaderData.page].description,
        path: `/legal/${loaderData.page}`,
      }))
    : [{ title: translations.fr.errors.notFoundTitle }];

export default function LegalPageRoute({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const { locale } = useRootData();
  const { pathname } = useLocation();
  const document = legalDocuments[locale][loaderData.page];
  const updated = new Intl.DateTimeFormat(i18n.language === 'ar' ? 'ar-u-nu-latn' : i18n.language, {
    dateStyle: 'long',
  }).format(new Date(legalVersionDate));
  return (
    <Stack gap="lg" maw={820} component="article">
      <PageTitle>{document.title}</PageTitle>
      <Box>
        <Title order={1}>{document.title}</Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('legal.lastUpdated', { date: updated })}
        </Text>
      </Box>
      {document.sections.map((section) => (
        <Stack key={section.heading} gap="xs" component="section">
          <Title order={2} size="h4">
            {section.heading}
          </Title>
          {section.paragraphs.map((paragraph) => (
            <Text key={paragraph.slice(0, 40)}>{paragraph}</Text>
          ))}
        </Stack>
      ))}
      <Group component="nav" aria-label={t('legal.navLabel')} gap="md">
        {legalPages.map((page) => (
          <Anchor
            key={page}
            component={Link}
            to={`/legal/${page}`}
            size="sm"
            aria-current={pathname === `/legal/${page}` ? 'page' : undefined}
          >
            {t(`siteFooter.${footerKeys[page]}`)}
          </Anchor>
        ))}
      </Group>
    </Stack>
  );
}
