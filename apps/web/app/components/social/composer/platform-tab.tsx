import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  List,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type {
  CreatorInfo,
  MediaInput,
  PlatformRules,
  SocialAccountView,
  SocialProvider,
  SocialSuggestion,
} from '@souk/contracts/social';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  captionLength,
  type MediaProblem,
  mediaProblems,
  megabytes,
  withLinkInBio,
  withoutLinkInBio,
} from '../../../lib/social/compose-rules';
import { CopyTextButton } from '../../copy-text-button';
import { PlatformPreview } from './platform-preview';
import { TikTokCreatorStep } from './tiktok-creator-step';

interface PlatformTabProps {
  provider: SocialProvider;
  rules: PlatformRules;
  accounts: SocialAccountView[];
  caption: string;
  onCaption: (caption: string) => void;
  media: MediaInput[];
  suggestion: SocialSuggestion | undefined;
  linkUrl: string | null;
  creatorInfo: Record<string, CreatorInfo | { error: string }>;
  targetErrors: Record<string, string>;
  fieldErrors: Record<string, string>;
}

function MediaProblemText({ problem }: { problem: MediaProblem }) {
  const { t } = useTranslation();
  switch (problem.kind) {
    case 'too_few':
      return t('social.rules.tooFew', { count: problem.min });
    case 'too_many':
      return t('social.rules.tooMany', { count: problem.max });
    case 'wrong_kind':
      return t('social.rules.wrongKind', {
        kinds: problem.allowed.map((kind) => t(`social.mediaKind.${kind as 'image'}`)).join(', '),
      });
    case 'ratio':
      return t('social.rules.ratio', { index: problem.index + 1, min: problem.min ?? '—', max: problem.max ?? '—' });
    case 'too_big':
      return t('social.rules.tooBig', { index: problem.index + 1, size: megabytes(problem.maxBytes) });
  }
}

function RulesList({ rules }: { rules: PlatformRules }) {
  const { t } = useTranslation();
  return (
    <List size="xs" c="dimmed" spacing={2} data-testid="platform-rules">
      <List.Item>{t('social.rules.captionMax', { count: rules.captionMaxLength })}</List.Item>
      <List.Item>
        {rules.mediaMin === rules.mediaMax
          ? t('social.rules.mediaExactly', { count: rules.mediaMin })
          : t('social.rules.mediaRange', { min: rules.mediaMin, max: rules.mediaMax })}
        {' · '}
        {rules.mediaKinds.map((kind) => t(`social.mediaKind.${kind}`)).join(', ')}
      </List.Item>
      {(rules.aspectRatioMin !== null || rules.aspectRatioMax !== null) && (
        <List.Item>
          {t('social.rules.ratioRange', { min: rules.aspectRatioMin ?? '—', max: rules.aspectRatioMax ?? '—' })}
        </List.Item>
      )}
      {rules.maxImageBytes && (
        <List.Item>{t('social.rules.imageSize', { size: megabytes(rules.maxImageBytes) })}</List.Item>
      )}
      {rules.maxVideoBytes && (
        <List.Item>{t('social.rules.videoSize', { size: megabytes(rules.maxVideoBytes) })}</List.Item>
      )}
      {rules.hashtagsMax !== null && <List.Item>{t('social.rules.hashtags', { count: rules.hashtagsMax })}</List.Item>}
      {rules.dailyPostLimit !== null && (
        <List.Item>{t('social.rules.daily', { count: rules.dailyPostLimit })}</List.Item>
      )}
      <List.Item>{rules.linkAdvice}</List.Item>
    </List>
  );
}

/** One platform's caption, options, rules and preview in the composer. */
export function PlatformTab(props: PlatformTabProps) {
  const { t } = useTranslation();
  const { provider, rules, accounts, caption, onCaption, media, suggestion, linkUrl } = props;
  const [linkInBio, setLinkInBio] = useState(false);
  const [redditTitle, setRedditTitle] = useState('');
  const [subreddit, setSubreddit] = useState('');
  const length = captionLength(caption);
  const over = length > rules.captionMaxLength;
  const problems = mediaProblems(rules, media);
  const bioWords = t('social.compose.linkInBioWords');
  const profile = accounts.find((account) => account.profileUrl)?.profileUrl;
  const errors = accounts.map((account) => props.targetErrors[account.id]).filter(Boolean);

  return (
    <Grid gutter="lg" pt="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="sm">
          {errors.map((message) => (
            <Alert key={message} color="red" role="alert" data-testid="target-error">
              {message}
            </Alert>
          ))}
          {provider === 'reddit' && (
            <Group grow align="flex-start">
              <TextInput
                name="reddit.subreddit"
                label={t('social.compose.subreddit')}
                leftSection="r/"
                required
                value={subreddit}
                onChange={(event) => setSubreddit(event.currentTarget.value)}
                dir="ltr"
                error={props.fieldErrors.subreddit}
              />
              <TextInput
                name="reddit.title"
                label={t('social.compose.redditTitle')}
                required
                maxLength={rules.titleMaxLength ?? 300}
                value={redditTitle}
                onChange={(event) => setRedditTitle(event.currentTarget.value)}
                description={`${redditTitle.length} / ${rules.titleMaxLength ?? 300}`}
                error={props.fieldErrors.title}
              />
            </Group>
          )}
          <Textarea
            name={`caption.${provider}`}
            label={t('social.compose.caption')}
            value={caption}
            onChange={(event) => onCaption(event.currentTarget.value)}
            autosize
            minRows={5}
            maxRows={14}
            dir="auto"
            data-testid="caption"
            data-provider={provider}
            error={over ? t('social.compose.captionTooLong', { count: length - rules.captionMaxLength }) : undefined}
          />
          <Text size="xs" c={over ? 'red.8' : 'dimmed'} aria-live="polite" data-testid="caption-counter">
            {t('social.compose.counter', { length, max: rules.captionMaxLength })}
          </Text>
          {provider === 'instagram' && (
            <Stack gap={6}>
              <Alert color="blue" data-testid="link-in-bio-note">
                {t('social.compose.instagramLinks')}
              </Alert>
              <Checkbox
                name="instagram.linkInBio"
                label={t('social.compose.linkInBio')}
                checked={linkInBio}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  setLinkInBio(on);
                  onCaption(
                    on ? withLinkInBio(caption, linkUrl, bioWords) : withoutLinkInBio(caption, linkUrl, bioWords),
                  );
                }}
                data-testid="link-in-bio"
              />
              {linkUrl && (
                <Group gap="xs">
                  <CopyTextButton
                    value={linkUrl}
                    label={t('social.compose.copyForBio')}
                    copiedLabel={t('social.compose.copied')}
                    size="compact-sm"
                  />
                  {profile && (
                    <Anchor href={profile} target="_blank" rel="noopener noreferrer" size="sm">
                      {t('social.compose.openProfile')}
                    </Anchor>
                  )}
                </Group>
              )}
            </Stack>
          )}
          {provider === 'tiktok' && (
            <>
              <Alert color="blue">{t('social.compose.tiktokLinks')}</Alert>
              {accounts.map((account) => (
                <TikTokCreatorStep
                  key={account.id}
                  account={account}
                  info={props.creatorInfo[account.id]}
                  error={props.fieldErrors.privacyLevel}
                />
              ))}
            </>
          )}
          {suggestion && (suggestion.captions.length > 1 || suggestion.hashtags.length > 0) && (
            <Stack gap={6} data-testid="suggestions">
              <Title order={3} size="h6">
                {t('social.compose.suggestions')}
              </Title>
              {suggestion.captions.map((variant) => (
                <Group key={variant} gap="xs" wrap="nowrap" align="flex-start">
                  <Text size="sm" style={{ flex: 1 }} dir="auto">
                    {variant}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() =>
                      onCaption(linkUrl && !variant.includes(linkUrl) ? `${variant}\n\n${linkUrl}` : variant)
                    }
                  >
                    {t('social.compose.useVariant')}
                  </Button>
                </Group>
              ))}
              {suggestion.hashtags.length > 0 && (
                <Group gap={4}>
                  {suggestion.hashtags.map((tag) => (
                    <Badge
                      key={tag}
                      component="button"
                      type="button"
                      variant={caption.includes(tag) ? 'filled' : 'light'}
                      tt="none"
                      style={{ cursor: 'pointer' }}
                      onClick={() => !caption.includes(tag) && onCaption(`${caption.trimEnd()} ${tag}`)}
                      aria-pressed={caption.includes(tag)}
                    >
                      {tag}
                    </Badge>
                  ))}
                </Group>
              )}
            </Stack>
          )}
          <Title order={3} size="h6">
            {t('social.compose.rules')}
          </Title>
          <RulesList rules={rules} />
          {problems.length > 0 && (
            <Alert color="orange" role="alert" data-testid="media-problems">
              {problems.map((problem) => (
                <Text key={`${problem.kind}-${'index' in problem ? problem.index : ''}`} size="sm">
                  <MediaProblemText problem={problem} />
                </Text>
              ))}
            </Alert>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('social.compose.preview')}
          </Text>
          <PlatformPreview
            provider={provider}
            rules={rules}
            caption={caption}
            media={media}
            handle={accounts[0]?.handle ?? ''}
            title={redditTitle}
            subreddit={subreddit}
          />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
