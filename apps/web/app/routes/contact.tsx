import {
  Alert,
  Anchor,
  Button,
  Card,
  Grid,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type AltchaChallenge, type ContactSubject, contactSubjects } from '@souk/contracts/site';
import { useTranslation } from 'react-i18next';
import { data, Form, Link } from 'react-router';
import { FaqList } from '../components/faq-list';
import { PageTitle } from '../components/page-title';
import { SubmitButton } from '../components/submit-button';
import { useAltchaSolution } from '../lib/altcha-solver';
import { apiJson, fieldErrorsOf } from '../lib/api.server';
import { formText, problemMessage } from '../lib/auth-feedback.server';
import { translations } from '../lib/i18n';
import { localeOf } from '../lib/locale.server';
import { publicPageMeta } from '../lib/public-meta';
import { useFeedbackToast } from '../lib/use-feedback-toast';
import { useHydrated } from '../lib/use-hydrated';
import type { Route } from './+types/contact';

interface ContactValues {
  name: string;
  email: string;
  subject: string;
  message: string;
}

type ContactResult =
  | { ok: true; email: string }
  | { ok: false; error: string; fieldErrors: Record<string, string>; values: ContactValues };

/** Every visit gets its own challenge; after a failed send the loader runs again and brings a fresh one. */
export async function loader({ context }: Route.LoaderArgs) {
  const [challenge, details] = await Promise.all([
    apiJson<AltchaChallenge>(context, '/api/v1/site/contact/challenge'),
    apiJson<{ email: string }>(context, '/api/v1/site/contact/details'),
  ]);
  return { challenge: challenge.ok ? challenge.data : null, supportEmail: details.ok ? details.data.email : null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const values: ContactValues = {
    name: formText(form, 'name'),
    email: formText(form, 'email'),
    subject: formText(form, 'subject'),
    message: formText(form, 'message'),
  };
  const result = await apiJson(context, '/api/v1/site/contact', {
    method: 'POST',
    json: { ...values, website: formText(form, 'website') || undefined, altcha: formText(form, 'altcha') || undefined },
  });
  if (result.ok) return data<ContactResult>({ ok: true, email: values.email });
  return data<ContactResult>(
    {
      ok: false,
      error: problemMessage(result, localeOf(request)),
      fieldErrors: fieldErrorsOf(result.problem),
      values,
    },
    { status: result.status },
  );
}

export const meta: Route.MetaFunction = ({ matches }) =>
  publicPageMeta(matches, (locale) => ({
    title: translations[locale].contact.title,
    description: translations[locale].contact.description,
    path: '/contact',
  }));

function ChallengeStatus({ status }: { status: 'solving' | 'solved' | 'failed' }) {
  const { t } = useTranslation();
  // Without JavaScript nothing is being solved: the <noscript> notice says what to do instead.
  const hydrated = useHydrated();
  if (!hydrated) return <span />;
  const text = { solving: t('contact.solving'), solved: t('contact.solved'), failed: t('contact.solveFailed') }[status];
  return (
    <Text size="sm" c={status === 'failed' ? 'red.8' : 'dimmed'} role="status" data-challenge={status}>
      {text}
    </Text>
  );
}

function ContactForm({ challenge, result }: { challenge: AltchaChallenge | null; result?: ContactResult | undefined }) {
  const { t } = useTranslation();
  const solution = useAltchaSolution(challenge);
  const failure = result && !result.ok ? result : null;
  const values = failure?.values;
  const subjectOptions = contactSubjects.map((subject: ContactSubject) => ({
    value: subject,
    label: t(`contact.subjects.${subject}`),
  }));
  return (
    <Form method="post">
      <Stack gap="md">
        {failure && (
          <Alert color="red" title={t('contact.errorTitle')}>
            {failure.error}
          </Alert>
        )}
        <noscript>
          <Alert color="yellow">{t('contact.jsRequired')}</Alert>
        </noscript>
        <TextInput
          label={t('contact.name')}
          name="name"
          required
          autoComplete="name"
          maxLength={120}
          defaultValue={values?.name}
          error={failure?.fieldErrors.name}
        />
        <TextInput
          label={t('contact.email')}
          name="email"
          type="email"
          required
          autoComplete="email"
          dir="ltr"
          defaultValue={values?.email}
          error={failure?.fieldErrors.email}
        />
        <Select
          label={t('contact.subject')}
          name="subject"
          data={subjectOptions}
          defaultValue={values?.subject || 'question'}
          allowDeselect={false}
          required
          error={failure?.fieldErrors.subject}
        />
        <Textarea
          label={t('contact.message')}
          name="message"
          required
          minLength={10}
          maxLength={5000}
          autosize
          minRows={5}
          defaultValue={values?.message}
          error={failure?.fieldErrors.message}
        />
        <input
          type="text"
          name="website"
          tabIndex={-1}
          autoComplete="off"
          aria-hidden="true"
          aria-label={t('contact.honeypot')}
          style={{ position: 'absolute', insetInlineStart: '-10000px', width: 1, height: 1, overflow: 'hidden' }}
        />
        <input type="hidden" name="altcha" value={solution.status === 'solved' ? solution.payload : ''} />
        <Group justify="space-between" align="center">
          <ChallengeStatus status={solution.status} />
          <SubmitButton disabled={solution.status !== 'solved'}>{t('contact.send')}</SubmitButton>
        </Group>
      </Stack>
    </Form>
  );
}

export default function Contact({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  useFeedbackToast(actionData, { errorTitle: t('contact.errorTitle'), successMessage: t('contact.sentTitle') });
  const quickFaq = ([1, 2, 3] as const).map((n) => ({
    id: `contact-faq-${n}`,
    question: t(`contact.faq${n}Question`),
    answer: t(`contact.faq${n}Answer`),
  }));
  return (
    <Stack gap="xl">
      <PageTitle>{t('contact.title')}</PageTitle>
      <Stack gap="xs">
        <Title order={1}>{t('contact.title')}</Title>
        <Text c="dimmed">{t('contact.intro')}</Text>
      </Stack>
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          {actionData?.ok ? (
            <Alert color="green" title={t('contact.sentTitle')} role="status">
              <Stack gap="sm" align="flex-start">
                <Text>{t('contact.sentText', { email: actionData.email })}</Text>
                <Button component={Link} to="/contact" variant="default" size="xs">
                  {t('contact.another')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            <ContactForm challenge={loaderData.challenge} result={actionData} />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Card withBorder padding="lg" component="section" aria-labelledby="contact-details">
              <Title order={2} size="h4" id="contact-details" mb="sm">
                {t('contact.detailsTitle')}
              </Title>
              <Stack gap="xs">
                {loaderData.supportEmail && (
                  <Text size="sm">
                    <strong>{t('contact.emailLabel')} : </strong>
                    <Anchor href={`mailto:${loaderData.supportEmail}`} dir="ltr">
                      {loaderData.supportEmail}
                    </Anchor>
                  </Text>
                )}
                <Text size="sm">
                  <strong>{t('contact.phoneLabel')} : </strong>
                  <Anchor href="tel:+212522000000" dir="ltr">
                    +212 5 22 00 00 00
                  </Anchor>
                </Text>
                <Text size="sm">
                  <strong>{t('contact.hoursLabel')} : </strong>
                  {t('contact.hours')}
                </Text>
                <Text size="sm">
                  <strong>{t('contact.addressLabel')} : </strong>
                  {t('contact.address')}
                </Text>
              </Stack>
            </Card>
            <Stack gap="xs" component="section" aria-labelledby="contact-faq">
              <Title order={2} size="h4" id="contact-faq">
                {t('contact.quickFaqTitle')}
              </Title>
              <FaqList items={quickFaq} structuredData={false} />
            </Stack>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
