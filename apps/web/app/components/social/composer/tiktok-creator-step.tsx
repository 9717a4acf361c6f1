import { Alert, Anchor, Avatar, Checkbox, Group, NativeSelect, Paper, Stack, Switch, Text } from '@mantine/core';
import { type CreatorInfo, privacyLevels, type SocialAccountView } from '@souk/contracts/social';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type PrivacyLevel = (typeof privacyLevels)[number];

/**
 * TikTok's review demands this step before a direct post: the creator's current state, a privacy
 * level chosen explicitly (no default), interactions off unless turned on, commercial-content
 * disclosure, and the consent sentence with links to the policies.
 */
export function TikTokCreatorStep({
  account,
  info,
  error,
}: {
  account: SocialAccountView;
  info: CreatorInfo | { error: string } | undefined;
  error?: string;
}) {
  const { t } = useTranslation();
  const [disclose, setDisclose] = useState(false);
  const [brandContent, setBrandContent] = useState(false);
  const [brandOrganic, setBrandOrganic] = useState(false);
  const [privacy, setPrivacy] = useState('');
  const id = account.id;
  if (!info || 'error' in info) {
    return (
      <Alert color="red" role="alert" data-testid="creator-info-error">
        {t('social.tiktok.infoFailed', { handle: account.handle })} {info && 'error' in info ? info.error : ''}
      </Alert>
    );
  }
  const options = info.privacyLevelOptions.filter((level): level is PrivacyLevel =>
    (privacyLevels as readonly string[]).includes(level),
  );
  const privateWithBrand = brandContent && privacy === 'SELF_ONLY';
  return (
    <Paper withBorder p="sm" data-testid="tiktok-creator-step" data-account-id={id}>
      <Stack gap="sm">
        <Group gap="xs">
          <Avatar src={info.creatorAvatarUrl} size="sm" radius="xl" alt="" />
          <Text size="sm" fw={600}>
            {t('social.tiktok.postingAs', { nickname: info.creatorNickname, username: info.creatorUsername })}
          </Text>
        </Group>
        {!info.canPost && (
          <Alert color="orange" role="alert">
            {t('social.tiktok.cannotPost')}
          </Alert>
        )}
        <NativeSelect
          name={`privacy.${id}`}
          label={t('social.tiktok.privacy')}
          description={t('social.tiktok.privacyHint')}
          required
          value={privacy}
          onChange={(event) => setPrivacy(event.currentTarget.value)}
          error={error || (privateWithBrand ? t('social.tiktok.brandedNotPrivate') : undefined)}
          data={[
            { value: '', label: t('social.tiktok.choosePrivacy'), disabled: true },
            ...options.map((level) => ({ value: level, label: t(`social.tiktok.privacyLevel.${level}`) })),
          ]}
          data-testid="tiktok-privacy"
        />
        <Text size="sm" fw={600}>
          {t('social.tiktok.interactions')}
        </Text>
        <Group gap="md">
          <Checkbox
            name={`allowComment.${id}`}
            label={t('social.tiktok.allowComment')}
            disabled={info.commentDisabled}
          />
          <Checkbox name={`allowDuet.${id}`} label={t('social.tiktok.allowDuet')} disabled={info.duetDisabled} />
          <Checkbox name={`allowStitch.${id}`} label={t('social.tiktok.allowStitch')} disabled={info.stitchDisabled} />
        </Group>
        <Switch
          label={t('social.tiktok.disclose')}
          description={t('social.tiktok.discloseHint')}
          checked={disclose}
          onChange={(event) => {
            setDisclose(event.currentTarget.checked);
            if (!event.currentTarget.checked) {
              setBrandContent(false);
              setBrandOrganic(false);
            }
          }}
          data-testid="tiktok-disclose"
        />
        {disclose && (
          <Stack gap={6} ps="md">
            <Checkbox
              name={`brandOrganic.${id}`}
              label={t('social.tiktok.brandOrganic')}
              description={t('social.tiktok.brandOrganicHint')}
              checked={brandOrganic}
              onChange={(event) => setBrandOrganic(event.currentTarget.checked)}
            />
            <Checkbox
              name={`brandContent.${id}`}
              label={t('social.tiktok.brandContent')}
              description={t('social.tiktok.brandContentHint')}
              checked={brandContent}
              onChange={(event) => setBrandContent(event.currentTarget.checked)}
            />
            {!brandOrganic && !brandContent && (
              <Text size="xs" c="orange.8" role="status">
                {t('social.tiktok.chooseDisclosure')}
              </Text>
            )}
            {(brandOrganic || brandContent) && (
              <Text size="xs" c="dimmed">
                {brandContent ? t('social.tiktok.labelPaid') : t('social.tiktok.labelPromotional')}
              </Text>
            )}
          </Stack>
        )}
        <Checkbox
          name={`consent.${id}`}
          required
          data-testid="tiktok-consent"
          label={
            <>
              {brandContent ? t('social.tiktok.consentBranded') : t('social.tiktok.consent')}{' '}
              <Anchor
                href="https://www.tiktok.com/legal/page/global/music-usage-confirmation/en"
                target="_blank"
                rel="noopener noreferrer"
                inherit
              >
                {t('social.tiktok.musicPolicy')}
              </Anchor>
              {brandContent && (
                <>
                  {' · '}
                  <Anchor
                    href="https://www.tiktok.com/legal/page/global/bc-policy/en"
                    target="_blank"
                    rel="noopener noreferrer"
                    inherit
                  >
                    {t('social.tiktok.brandedPolicy')}
                  </Anchor>
                </>
              )}
            </>
          }
        />
        <Text size="xs" c="dimmed">
          {t('social.tiktok.processingNote')}
        </Text>
      </Stack>
    </Paper>
  );
}
