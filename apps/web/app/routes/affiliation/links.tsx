import {
  Alert,
  Anchor,
  Button,
  Code,
  Group,
  Image,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  type AffiliationRequestView,
  type affiliationRequestListSchema,
  type LinkView,
  linkChannels,
  type linkListSchema,
} from '@souk/contracts/affiliation';
import { useTranslation } from 'react-i18next';
import { data, Form, Link } from 'react-router';
import type { z } from 'zod';
import { CopyTextButton } from '../../components/copy-text-button';
import { PageTitle } from '../../components/page-title';
import { SubmitButton } from '../../components/submit-button';
import { apiJson } from '../../lib/api.server';
import { formText } from '../../lib/auth-feedback.server';
import { translations } from '../../lib/i18n';
import { localeOf } from '../../lib/locale.server';
import { requireUser, unwrapForPage } from '../../lib/session.server';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/links';
import { failed, succeeded } from './affiliation.server';

const pagePath = '/influencer/links';

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireUser(context, request);
  if (viewer.accountType !== 'influencer') throw data(null, { status: 403 });
  const [links, requests] = await Promise.all([
    apiJson<z.infer<typeof linkListSchema>>(context, '/api/v1/links'),
    apiJson<z.infer<typeof affiliationRequestListSchema>>(context, '/api/v1/affiliation-requests?status=approved'),
  ]);
  const approved = unwrapForPage(requests, request).items.filter((item) => item.status === 'approved');
  return { links: unwrapForPage(links, request).items, approved };
}

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const form = await request.formData();
  const channel = formText(form, 'channel');
  const alias = formText(form, 'alias');
  const body = {
    productId: formText(form, 'productId'),
    ...(linkChannels.includes(channel as LinkView['channel'] & string) ? { channel } : {}),
    ...(alias ? { alias } : {}),
  };
  const intent = formText(form, 'intent') || 'create';
  const result = await apiJson<LinkView>(context, '/api/v1/links', { method: 'POST', json: body });
  if (!result.ok) return failed(result, locale, intent, pagePath, body.productId);
  return succeeded(intent, translations[locale].affiliation.links.created, result.data.id);
}

export default function MyLinks({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { links, approved } = loaderData;
  useFeedbackToast(actionData, { errorTitle: t('affiliation.errorTitle'), successMessage: actionData?.message });
  return (
    <Stack gap="lg">
      <PageTitle>{t('affiliation.links.title')}</PageTitle>
      <div>
        <Title order={1}>{t('affiliation.links.title')}</Title>
        <Text c="dimmed">{t('affiliation.links.intro')}</Text>
      </div>
      {approved.length === 0 && links.length === 0 ? (
        <Paper withBorder p="xl" data-testid="links-empty">
          <Stack gap="xs" align="flex-start">
            <Title order={2} size="h4">
              {t('affiliation.links.empty')}
            </Title>
            <Text c="dimmed">{t('affiliation.links.emptyText')}</Text>
            <Button component={Link} to="/marketplace" variant="light">
              {t('affiliation.requests.browse')}
            </Button>
          </Stack>
        </Paper>
      ) : (
        <>
          {approved.map((affiliation) => (
            <ProductLinks
              key={affiliation.id}
              affiliation={affiliation}
              links={links.filter((link) => link.productId === affiliation.productId)}
            />
          ))}
          {links
            .filter((link) => !approved.some((affiliation) => affiliation.productId === link.productId))
            .map((link) => (
              <LinkCard key={link.id} link={link} />
            ))}
          {approved.length > 0 && <CreateVariantForm approved={approved} actionData={actionData} />}
          <Paper withBorder p="md">
            <Title order={2} size="h5" mb="xs">
              {t('affiliation.links.exports')}
            </Title>
            <Group gap="xs">
              <Button component="a" href="/api/v1/clicks/export.csv" variant="default" size="compact-sm">
                {t('affiliation.links.exportClicks')}
              </Button>
              <Button component="a" href="/api/v1/conversions/export.csv" variant="default" size="compact-sm">
                {t('affiliation.links.exportConversions')}
              </Button>
              <Button component="a" href="/api/v1/commissions/export.csv" variant="default" size="compact-sm">
                {t('affiliation.links.exportCommissions')}
              </Button>
            </Group>
          </Paper>
        </>
      )}
    </Stack>
  );
}

function ProductLinks({ affiliation, links }: { affiliation: AffiliationRequestView; links: LinkView[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" data-testid="product-links" data-product-id={affiliation.productId}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          <Anchor component={Link} to={`/p/${affiliation.productSlug}`} inherit>
            {affiliation.productTitle}
          </Anchor>
        </Title>
        {links.length === 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="main" />
            <input type="hidden" name="productId" value={affiliation.productId} />
            <SubmitButton data-testid="create-main-link">{t('affiliation.links.create')}</SubmitButton>
          </Form>
        ) : (
          links.map((link) => <LinkCard key={link.id} link={link} bare />)
        )}
      </Stack>
    </Paper>
  );
}

function LinkCard({ link, bare = false }: { link: LinkView; bare?: boolean }) {
  const { t } = useTranslation();
  const share = `https://wa.me/?text=${encodeURIComponent(t('affiliation.links.shareText', { url: link.shortUrl }))}`;
  const content = (
    <Group gap="md" align="flex-start" wrap="nowrap" data-testid="link-card" data-link-id={link.id}>
      <Image
        src={link.qrSvgUrl}
        alt={t('affiliation.links.qrAlt', { url: link.shortUrl })}
        w={88}
        h={88}
        fit="contain"
        style={{ flex: 'none' }}
        bg="white"
      />
      <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
        <Group gap="xs">
          <Text fw={600} size="sm">
            {link.channel ? t(`affiliation.channel.${link.channel}`) : t('affiliation.channel.none')}
            {link.alias ? ` · ${link.alias}` : ''}
          </Text>
          {!link.active && (
            <Text size="xs" c="red.8">
              {t('affiliation.links.inactive')}
            </Text>
          )}
        </Group>
        <Code dir="ltr" style={{ overflowWrap: 'anywhere' }} data-testid="short-url">
          {link.shortUrl}
        </Code>
        <Text size="xs" c="dimmed">
          {t('affiliation.links.clicks', { count: link.clicks, unique: link.uniqueClicks })}
        </Text>
        <Group gap="xs">
          <CopyTextButton
            value={link.shortUrl}
            label={t('affiliation.links.copy')}
            copiedLabel={t('affiliation.links.copied')}
            size="compact-sm"
            data-testid="copy-link"
          />
          <Button
            component="a"
            href={share}
            target="_blank"
            rel="noopener noreferrer"
            size="compact-sm"
            variant="light"
            color="green"
            data-testid="whatsapp-share"
          >
            {t('affiliation.links.whatsapp')}
          </Button>
          <Button component={Link} to={`/influencer/links/${link.id}`} size="compact-sm" variant="default">
            {t('affiliation.links.stats')}
          </Button>
          {link.active && (
            <Button
              component={Link}
              to={`/social/compose?linkId=${link.id}`}
              size="compact-sm"
              variant="light"
              data-testid="publish-to-networks"
            >
              {t('social.publishToNetworks')}
            </Button>
          )}
          <Button
            component="a"
            href={link.qrPngUrl}
            download={`souk-${link.code}.png`}
            size="compact-sm"
            variant="subtle"
            aria-label={`${t('affiliation.links.qr')} ${t('affiliation.links.downloadPng')}`}
          >
            {t('affiliation.links.qr')} · {t('affiliation.links.downloadPng')}
          </Button>
          <Button
            component="a"
            href={link.qrSvgUrl}
            download={`souk-${link.code}.svg`}
            size="compact-sm"
            variant="subtle"
            aria-label={`${t('affiliation.links.qr')} ${t('affiliation.links.downloadSvg')}`}
          >
            {t('affiliation.links.qr')} · {t('affiliation.links.downloadSvg')}
          </Button>
        </Group>
      </Stack>
    </Group>
  );
  if (bare) return content;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {link.productTitle}
      </Title>
      {content}
    </Paper>
  );
}

function CreateVariantForm({
  approved,
  actionData,
}: {
  approved: AffiliationRequestView[];
  actionData: Route.ComponentProps['actionData'];
}) {
  const { t } = useTranslation();
  const failure = actionData && !actionData.ok && actionData.intent === 'create' ? actionData : null;
  const fieldErrors = failure?.fieldErrors ?? {};
  return (
    <Paper withBorder p="md" component="section">
      <Form method="post">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('affiliation.links.createTitle')}
          </Title>
          {failure && !Object.keys(fieldErrors).length && (
            <Alert color="red" role="alert">
              {failure.error}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              name="productId"
              label={t('affiliation.links.product')}
              data={approved.map((item) => ({ value: item.productId, label: item.productTitle }))}
              error={fieldErrors.productId}
            />
            <NativeSelect
              name="channel"
              label={t('affiliation.links.channel')}
              data={linkChannels.map((channel) => ({ value: channel, label: t(`affiliation.channel.${channel}`) }))}
              error={fieldErrors.channel}
            />
            <TextInput
              name="alias"
              label={t('affiliation.links.alias')}
              description={t('affiliation.links.aliasHint')}
              dir="ltr"
              maxLength={40}
              autoCapitalize="none"
              error={fieldErrors.alias}
            />
          </SimpleGrid>
          <SubmitButton style={{ alignSelf: 'flex-start' }} name="intent" value="create">
            {t('affiliation.links.create')}
          </SubmitButton>
        </Stack>
      </Form>
    </Paper>
  );
}
