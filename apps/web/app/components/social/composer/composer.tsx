import {
  Alert,
  Anchor,
  Checkbox,
  Group,
  Image,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import type {
  CreatorInfo,
  MediaInput,
  SocialAccountView,
  SocialProvider,
  SocialProviderView,
  SocialSuggestion,
} from '@souk/contracts/social';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Link } from 'react-router';
import { formatDateTime } from '../../../lib/intl';
import { initialCaption } from '../../../lib/social/compose-rules';
import { useHydrated } from '../../../lib/use-hydrated';
import type { SocialScope } from '../../../routes/social/social-scope';
import { scopedPath } from '../../../routes/social/social-scope';
import { SubmitButton } from '../../submit-button';
import { ScheduleField, type TimeSuggestion } from '../schedule-field';
import { AccountHealthBadge } from '../status-badges';
import { PlatformTab } from './platform-tab';

interface BestTime {
  source: 'history' | 'defaults';
  slots: { weekday: number; hour: number; clicks: number; nextAt: string }[];
}

interface Template {
  id: string;
  kind: string;
  name: string;
  body: string;
  hashtags: string[];
}

export interface ComposerProps {
  scope: SocialScope;
  deal: { productId: string; title: string; media: MediaInput[] };
  link: { id: string; shortUrl: string } | null;
  accounts: SocialAccountView[];
  providers: SocialProviderView[];
  suggestions: Partial<Record<SocialProvider, SocialSuggestion>>;
  creatorInfo: Record<string, CreatorInfo | { error: string }>;
  bestTimes: Record<string, BestTime>;
  templates: Template[];
  templateId?: string | null;
  feedback?: { ok: boolean; fieldErrors?: Record<string, string>; targetErrors?: Record<string, string> };
}

/** A template with what the composer knows filled in; the rest is left for the person to write. */
function fillTemplate(template: Template, title: string, link: string | null): string {
  const body = template.body.replaceAll('{title}', title).replaceAll('{link}', link ?? '');
  return template.hashtags.length ? `${body}\n\n${template.hashtags.join(' ')}` : body;
}

/**
 * Compose once, publish everywhere: media and accounts on top, one tab per chosen platform with
 * its own caption, rules and preview, then when. Every field is a real form field, so the
 * server reads the same thing whether or not scripts run.
 */
export function Composer(props: ComposerProps) {
  const { t, i18n } = useTranslation();
  const hydrated = useHydrated();
  const { deal, link, accounts, providers, suggestions, feedback } = props;
  const fieldErrors = feedback && !feedback.ok ? (feedback.fieldErrors ?? {}) : {};
  const targetErrors = feedback && !feedback.ok ? (feedback.targetErrors ?? {}) : {};
  const usable = accounts.filter((account) => account.health !== 'reconnect_needed');
  const [chosen, setChosen] = useState<string[]>(usable.length === 1 ? [usable[0]?.id ?? ''] : []);
  const [pictures, setPictures] = useState<string[]>(deal.media.slice(0, 1).map((item) => item.url));
  const rulesOf = useMemo(() => new Map(providers.map((provider) => [provider.provider, provider.rules])), [providers]);
  const startTemplate = props.templates.find((item) => item.id === props.templateId);
  const [captions, setCaptions] = useState<Partial<Record<SocialProvider, string>>>(() => {
    const initial: Partial<Record<SocialProvider, string>> = {};
    for (const account of accounts) {
      const rules = rulesOf.get(account.provider);
      if (rules && initial[account.provider] === undefined) {
        initial[account.provider] = startTemplate
          ? fillTemplate(startTemplate, deal.title, link?.shortUrl ?? null)
          : initialCaption(suggestions[account.provider], deal.title, link?.shortUrl ?? null, rules);
      }
    }
    return initial;
  });
  const chosenAccounts = accounts.filter((account) => chosen.includes(account.id));
  const platforms = [...new Set(chosenAccounts.map((account) => account.provider))];
  const [tab, setTab] = useState<string | null>(null);
  const activeTab = tab && platforms.includes(tab as SocialProvider) ? tab : (platforms[0] ?? null);
  const media = deal.media.filter((item) => pictures.includes(item.url));
  const [templateId, setTemplateId] = useState(startTemplate?.id ?? '');

  const firstBest = chosenAccounts.map((account) => props.bestTimes[account.id]).find(Boolean);
  const bestSuggestions: TimeSuggestion[] = (firstBest?.slots ?? []).slice(0, 3).map((slot) => ({
    at: slot.nextAt,
    label: formatDateTime(new Date(slot.nextAt), i18n.language, hydrated ? undefined : 'UTC'),
  }));

  return (
    <Form method="post" data-testid="composer">
      {link ? (
        <input type="hidden" name="linkId" value={link.id} />
      ) : (
        <input type="hidden" name="productId" value={deal.productId} />
      )}
      {templateId && <input type="hidden" name="templateId" value={templateId} />}
      {media.map((item) => (
        <input key={item.url} type="hidden" name="media" value={JSON.stringify(item)} />
      ))}
      <Stack gap="lg">
        <Paper withBorder p="md" component="section">
          <Title order={2} size="h5" mb="xs">
            {t('social.compose.media')}
          </Title>
          {deal.media.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('social.compose.noDealMedia')}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 3, sm: 5, md: 6 }} spacing="xs">
              {deal.media.map((item, index) => {
                const selected = pictures.includes(item.url);
                return (
                  <UnstyledButton
                    key={item.url}
                    onClick={() =>
                      setPictures((current) =>
                        selected ? current.filter((url) => url !== item.url) : [...current, item.url],
                      )
                    }
                    aria-pressed={selected}
                    aria-label={t('social.compose.pickMedia', { index: index + 1 })}
                    data-testid="media-option"
                    style={{
                      outline: selected
                        ? '3px solid var(--mantine-color-blue-6)'
                        : '1px solid var(--mantine-color-gray-3)',
                      borderRadius: 6,
                      overflow: 'hidden',
                    }}
                  >
                    <Image src={item.url} alt={item.altText ?? ''} h={80} fit="cover" />
                  </UnstyledButton>
                );
              })}
            </SimpleGrid>
          )}
          <Text size="xs" c="dimmed" mt={6}>
            {t('social.compose.mediaChosen', { count: media.length })}
          </Text>
        </Paper>

        <Paper withBorder p="md" component="section">
          <Title order={2} size="h5" mb="xs">
            {t('social.compose.accounts')}
          </Title>
          {fieldErrors.accountId && (
            <Text c="red.8" size="sm" role="alert" mb="xs">
              {fieldErrors.accountId}
            </Text>
          )}
          <Stack gap={6}>
            {accounts.map((account) => (
              <Group key={account.id} gap="xs" wrap="nowrap">
                <Checkbox
                  name="accountId"
                  value={account.id}
                  checked={chosen.includes(account.id)}
                  disabled={account.health === 'reconnect_needed'}
                  onChange={(event) => {
                    const on = event.currentTarget.checked;
                    setChosen((current) => (on ? [...current, account.id] : current.filter((id) => id !== account.id)));
                  }}
                  label={`${t(`social.provider.${account.provider}`)} · @${account.handle}`}
                  data-testid="account-choice"
                  data-handle={account.handle}
                />
                {account.health !== 'connected' && <AccountHealthBadge health={account.health} />}
              </Group>
            ))}
          </Stack>
          {accounts.some((account) => account.health === 'reconnect_needed') && (
            <Anchor component={Link} to={scopedPath(props.scope, '/accounts')} size="sm">
              {t('social.compose.reconnectHint')}
            </Anchor>
          )}
        </Paper>

        {props.templates.length > 0 && (
          <NativeSelect
            label={t('social.compose.template')}
            value={templateId}
            onChange={(event) => {
              const id = event.currentTarget.value;
              setTemplateId(id);
              const template = props.templates.find((item) => item.id === id);
              if (!template) return;
              const text = fillTemplate(template, deal.title, link?.shortUrl ?? null);
              setCaptions((current) => Object.fromEntries(Object.keys(current).map((key) => [key, text])));
            }}
            data={[
              { value: '', label: t('social.compose.noTemplate') },
              ...props.templates.map((item) => ({
                value: item.id,
                label: `${item.name} (${t(`social.templateKind.${item.kind as 'new_deal'}`)})`,
              })),
            ]}
          />
        )}

        {platforms.length === 0 ? (
          <Alert color="gray" data-testid="choose-accounts">
            {t('social.compose.chooseAccountHint')}
          </Alert>
        ) : (
          <Tabs value={activeTab} onChange={setTab} keepMounted>
            <Tabs.List>
              {platforms.map((provider) => (
                <Tabs.Tab key={provider} value={provider} data-testid="platform-tab" data-provider={provider}>
                  {t(`social.provider.${provider}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {platforms.map((provider) => {
              const rules = rulesOf.get(provider);
              if (!rules) return null;
              return (
                <Tabs.Panel key={provider} value={provider}>
                  <PlatformTab
                    provider={provider}
                    rules={rules}
                    accounts={chosenAccounts.filter((account) => account.provider === provider)}
                    caption={captions[provider] ?? ''}
                    onCaption={(caption) => setCaptions((current) => ({ ...current, [provider]: caption }))}
                    media={media}
                    suggestion={suggestions[provider]}
                    linkUrl={suggestions[provider]?.linkUrl ?? link?.shortUrl ?? null}
                    creatorInfo={props.creatorInfo}
                    targetErrors={targetErrors}
                    fieldErrors={fieldErrors}
                  />
                </Tabs.Panel>
              );
            })}
          </Tabs>
        )}

        <Paper withBorder p="md" component="section">
          <Title order={2} size="h5" mb="xs">
            {t('social.compose.when')}
          </Title>
          <ScheduleField error={fieldErrors.scheduledAt} suggestions={bestSuggestions} />
          {firstBest && (
            <Text size="xs" c="dimmed" mt={6} data-testid="best-time-source">
              {firstBest.source === 'history' ? t('social.schedule.fromHistory') : t('social.schedule.fromDefaults')}
            </Text>
          )}
          <Group gap="sm" mt="md">
            <SubmitButton name="mode" value="now" data-testid="publish-now" disabled={platforms.length === 0}>
              {t('social.compose.publishNow')}
            </SubmitButton>
            <SubmitButton
              name="mode"
              value="schedule"
              variant="light"
              data-testid="schedule"
              disabled={platforms.length === 0}
            >
              {t('social.compose.schedule')}
            </SubmitButton>
            <SubmitButton name="mode" value="draft" variant="default" formNoValidate data-testid="save-draft">
              {t('social.compose.saveDraft')}
            </SubmitButton>
          </Group>
        </Paper>
      </Stack>
    </Form>
  );
}
