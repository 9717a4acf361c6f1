import {
  Alert,
  Badge,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type Locale, locales } from '@souk/contracts/locales';
import type { FaqEntryView, TestimonialView } from '@souk/contracts/site';
import { useTranslation } from 'react-i18next';
import { data, Form, redirect } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { SubmitButton } from '../../components/submit-button';
import type { ActionFeedback } from '../../lib/action-feedback';
import { apiJson, fieldErrorsOf } from '../../lib/api.server';
import { formText, problemMessage } from '../../lib/auth-feedback.server';
import { localeOf } from '../../lib/locale.server';
import { signInPath } from '../../lib/safe-redirect';
import { unwrapForPage } from '../../lib/session.server';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/home-content';

/** The two kinds of home content differ only by their translated fields. */
const kinds = {
  testimonials: { path: 'testimonials', fields: ['quote', 'role'] as const, long: 'quote' },
  faq: { path: 'faq', fields: ['question', 'answer'] as const, long: 'answer' },
} as const;
type Kind = keyof typeof kinds;

type ContentActionData = ActionFeedback & { intent?: string };

export async function loader({ request, context }: Route.LoaderArgs) {
  const [testimonials, faq] = await Promise.all([
    apiJson<{ items: TestimonialView[] }>(context, '/api/v1/site/admin/testimonials'),
    apiJson<{ items: FaqEntryView[] }>(context, '/api/v1/site/admin/faq'),
  ]);
  return { testimonials: unwrapForPage(testimonials, request).items, faq: unwrapForPage(faq, request).items };
}

function bodyOf(form: FormData, kind: Kind) {
  const translations = Object.fromEntries(
    locales.map((locale) => [
      locale,
      Object.fromEntries(kinds[kind].fields.map((field) => [field, formText(form, `${field}.${locale}`)])),
    ]),
  );
  return {
    ...(kind === 'testimonials' ? { authorName: formText(form, 'authorName') } : {}),
    position: Number(formText(form, 'position') || 0),
    published: form.get('published') === 'on',
    translations,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const kind: Kind = form.get('kind') === 'faq' ? 'faq' : 'testimonials';
  const intent = formText(form, 'intent');
  const id = encodeURIComponent(formText(form, 'id'));
  const base = `/api/v1/site/admin/${kinds[kind].path}`;
  const result =
    intent === 'delete'
      ? await apiJson(context, `${base}/${id}`, { method: 'DELETE' })
      : intent === 'update'
        ? await apiJson(context, `${base}/${id}`, { method: 'PUT', json: bodyOf(form, kind) })
        : await apiJson(context, base, { method: 'POST', json: bodyOf(form, kind) });
  if (result.ok) return data<ContentActionData>({ ok: true, intent });
  if (result.problem.code === 'unauthenticated') throw redirect(signInPath('/admin/home-content'));
  return data<ContentActionData>(
    { ok: false, intent, error: problemMessage(result, localeOf(request)), fieldErrors: fieldErrorsOf(result.problem) },
    { status: result.status },
  );
}

interface EntryFormProps {
  kind: Kind;
  entry?: TestimonialView | FaqEntryView;
}

function EntryForm({ kind, entry }: EntryFormProps) {
  const { t } = useTranslation();
  const config = kinds[kind];
  const translations = entry?.translations as Record<Locale, Record<string, string>> | undefined;
  return (
    <Form method="post">
      <input type="hidden" name="kind" value={kind} />
      {entry && <input type="hidden" name="id" value={entry.id} />}
      <Stack gap="sm">
        <Group align="flex-end">
          {kind === 'testimonials' && (
            <TextInput
              label={t('siteAdmin.authorName')}
              name="authorName"
              required
              defaultValue={(entry as TestimonialView | undefined)?.authorName}
            />
          )}
          <NumberInput
            label={t('siteAdmin.position')}
            name="position"
            min={0}
            max={10_000}
            w={120}
            defaultValue={entry?.position ?? 100}
          />
          <Checkbox
            label={t('siteAdmin.published')}
            name="published"
            defaultChecked={entry?.published ?? true}
            mb={8}
          />
        </Group>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {locales.map((locale) => (
            <Stack key={locale} gap="xs" dir={locale === 'ar' ? 'rtl' : 'ltr'} lang={locale}>
              {config.fields.map((field) => {
                const label = t(`siteAdmin.${field}`, { lang: t(`siteAdmin.languages.${locale}`) });
                const props = {
                  label,
                  name: `${field}.${locale}`,
                  required: true,
                  defaultValue: translations?.[locale]?.[field],
                };
                return field === config.long ? (
                  <Textarea key={field} autosize minRows={3} {...props} />
                ) : (
                  <TextInput key={field} {...props} />
                );
              })}
            </Stack>
          ))}
        </SimpleGrid>
        <Group>
          <SubmitButton name="intent" value={entry ? 'update' : 'create'}>
            {t('siteAdmin.save')}
          </SubmitButton>
          {entry && (
            <SubmitButton name="intent" value="delete" color="red" variant="light" formNoValidate>
              {t('siteAdmin.delete')}
            </SubmitButton>
          )}
        </Group>
      </Stack>
    </Form>
  );
}

function ContentList({ kind, entries }: { kind: Kind; entries: (TestimonialView | FaqEntryView)[] }) {
  const { t, i18n } = useTranslation();
  const locale = (locales as readonly string[]).includes(i18n.language) ? (i18n.language as Locale) : 'fr';
  const heading = kind === 'testimonials' ? t('siteAdmin.testimonials') : t('siteAdmin.faq');
  return (
    <Stack gap="md" component="section" aria-labelledby={`${kind}-title`}>
      <Title order={2} id={`${kind}-title`}>
        {heading}
      </Title>
      {entries.length === 0 && (
        <Text c="dimmed">{kind === 'testimonials' ? t('siteAdmin.noTestimonials') : t('siteAdmin.noFaq')}</Text>
      )}
      {entries.map((entry) => {
        const text = entry.translations[locale] as Record<string, string>;
        const summary = 'authorName' in entry ? `${entry.authorName} — ${text.quote}` : text.question;
        return (
          <Card key={entry.id} withBorder padding="md" component="details">
            <Group component="summary" gap="sm" style={{ cursor: 'pointer' }} wrap="nowrap">
              <Badge variant="light" color={entry.published ? 'green' : 'gray'}>
                {entry.published ? t('siteAdmin.published') : t('siteAdmin.draft')}
              </Badge>
              <Text lineClamp={1}>{summary}</Text>
            </Group>
            <Stack mt="md">
              <EntryForm kind={kind} entry={entry} />
            </Stack>
          </Card>
        );
      })}
      <Card withBorder padding="md" component="details">
        <Text component="summary" fw={600} style={{ cursor: 'pointer' }}>
          {kind === 'testimonials' ? t('siteAdmin.addTestimonial') : t('siteAdmin.addFaq')}
        </Text>
        <Stack mt="md">
          <EntryForm kind={kind} />
        </Stack>
      </Card>
    </Stack>
  );
}

export default function HomeContent({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  useFeedbackToast(actionData, {
    errorTitle: t('siteAdmin.errorTitle'),
    successMessage: actionData?.intent === 'delete' ? t('siteAdmin.deleted') : t('siteAdmin.saved'),
  });
  return (
    <Stack gap="xl">
      <PageTitle>{t('siteAdmin.contentTitle')}</PageTitle>
      <Title order={1}>{t('siteAdmin.contentTitle')}</Title>
      {actionData && !actionData.ok && (
        <Alert color="red" title={t('siteAdmin.errorTitle')}>
          {actionData.error}
        </Alert>
      )}
      <ContentList kind="testimonials" entries={loaderData.testimonials} />
      <ContentList kind="faq" entries={loaderData.faq} />
    </Stack>
  );
}
