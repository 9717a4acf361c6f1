import { Alert, Anchor, Badge, Group, List, Text } from '@mantine/core';
import type { KycProfileView, RejectReason } from '@souk/contracts/kyc';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { stepOfItem } from './steps';

const statusColors = {
  draft: 'gray',
  submitted: 'blue',
  in_review: 'indigo',
  needs_info: 'orange',
  approved: 'green',
  rejected: 'red',
} as const;

/** Labels by key built at run time: typed keys would make TypeScript expand every key of the site. */
function itemLabel(t: ReturnType<typeof useTranslation>['t'], item: string): string {
  const translate = t as unknown as (key: string, options?: { defaultValue?: string }) => string;
  return translate(`kyc.fields.${item}`, { defaultValue: translate(`kyc.documents.${item}`) });
}

/** Each item links to the step where it is filled in. */
function ItemLinks({ items, link }: { items: string[]; link: (item: string) => string }) {
  const { t } = useTranslation();
  return (
    <List size="sm">
      {items.map((item) => (
        <List.Item key={item}>
          <Anchor component={Link} to={link(item)}>
            {itemLabel(t, item)}
          </Anchor>
        </List.Item>
      ))}
    </List>
  );
}

/** Where the file stands, what the reviewer asked for, and what is still missing. */
export function StatusPanel({ profile, query }: { profile: KycProfileView; query: string }) {
  const { t } = useTranslation();
  const link = (item: string) =>
    `?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), step: stepOfItem(profile.kind, item) })}`;
  return (
    <>
      <Group gap="sm">
        <Badge size="lg" color={statusColors[profile.status]} data-testid="kyc-status">
          {t(`kyc.status.${profile.status}`)}
        </Badge>
        <Badge
          size="lg"
          variant={profile.verified ? 'filled' : 'outline'}
          color={profile.verified ? 'teal' : 'gray'}
          data-testid="kyc-verified"
        >
          {profile.verified ? `✓ ${t('kyc.verified')}` : t('kyc.notVerified')}
        </Badge>
      </Group>
      {profile.status === 'needs_info' ? (
        <Alert color="orange" title={t('kyc.requestedTitle')}>
          <ItemLinks items={profile.requestedItems} link={link} />
          {profile.decisionNote ? <Text mt="xs">{profile.decisionNote}</Text> : null}
        </Alert>
      ) : null}
      {profile.status === 'rejected' ? (
        <Alert color="red" title={t('kyc.rejectedTitle')}>
          {profile.decisionReason ? <Text>{t(`kyc.reasons.${profile.decisionReason as RejectReason}`)}</Text> : null}
          {profile.decisionNote ? <Text mt="xs">{profile.decisionNote}</Text> : null}
        </Alert>
      ) : null}
      {profile.status === 'submitted' || profile.status === 'in_review' ? (
        <Alert color="blue">{t('kyc.reviewingText')}</Alert>
      ) : null}
      {profile.status === 'approved' ? <Alert color="green">{t('kyc.approvedText')}</Alert> : null}
      {['draft', 'needs_info', 'rejected'].includes(profile.status) && profile.missing.length > 0 ? (
        <Alert color="gray" title={t('kyc.missingTitle')}>
          <ItemLinks items={profile.missing} link={link} />
        </Alert>
      ) : null}
    </>
  );
}
