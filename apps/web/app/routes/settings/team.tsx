import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { invitableTeamRoles, type TeamRole, teamRoleRank, teamRoles } from '@souk/contracts/teams';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { data, Form, Link, redirect } from 'react-router';
import { QuotaUpgradeButton } from '../../components/billing/quota-upgrade-button';
import { PageTitle } from '../../components/page-title';
import { SubmitButton } from '../../components/submit-button';
import { Timestamp } from '../../components/timestamp';
import { type ApiFailure, apiJson, fieldErrorsOf } from '../../lib/api.server';
import { formText, problemMessage } from '../../lib/auth-feedback.server';
import { quotaRefusalOf } from '../../lib/billing/quota-refusal.server';
import { translations } from '../../lib/i18n';
import { localeOf } from '../../lib/locale.server';
import { signInPath } from '../../lib/safe-redirect';
import { requireUser, unwrapForPage } from '../../lib/session.server';
import { useFeedbackToast } from '../../lib/use-feedback-toast';
import type { Route } from './+types/team';

const pagePath = '/settings/team';

type InvitableRole = (typeof invitableTeamRoles)[number];
interface TeamMember {
  userId: string;
  name: string;
  email: string;
  role: TeamRole;
  joinedAt: string;
}
interface TeamInvitation {
  id: string;
  email: string;
  role: InvitableRole;
  status: string;
  expiresAt: string;
  createdAt: string;
}
interface TeamView {
  id: string;
  name: string;
  myRole: TeamRole;
  members: TeamMember[];
  invitations: TeamInvitation[];
}

const roleColors: Record<TeamRole, string> = { owner: 'grape', admin: 'blue', editor: 'teal', analyst: 'gray' };

type Intent = 'invite' | 'withdraw' | 'changeRole' | 'remove' | 'transfer' | 'leave';
const intents: readonly Intent[] = ['invite', 'withdraw', 'changeRole', 'remove', 'transfer', 'leave'];

type InviteValues = { email: string; role: InvitableRole };
type TeamActionData =
  | { ok: true; intent: Intent; email?: string }
  | {
      ok: false;
      intent: Intent;
      error: string;
      fieldErrors: Record<string, string>;
      values?: InviteValues;
      /** A refusal at the plan's seat limit: the upgrade button's target. */
      upgradeUrl?: string;
    };

/** The page of one team, `?team=<id>` choosing among several. */
function teamPath(teamId: string, extra: Record<string, string> = {}): string {
  return `${pagePath}?${new URLSearchParams({ team: teamId, ...extra })}`;
}

/** The roles `myRole` may give to a member: only the owner appoints admins. */
function assignableRoles(myRole: TeamRole): readonly InvitableRole[] {
  return myRole === 'owner' ? invitableTeamRoles : invitableTeamRoles.filter((role) => role !== 'admin');
}

/** Whether `myRole` may change the role of, or remove, `member` (mirrors the API's checks). */
function canManage(myRole: TeamRole, myId: string, member: TeamMember): boolean {
  if (member.userId === myId || member.role === 'owner') return false;
  if (myRole === 'owner') return true;
  return myRole === 'admin' && teamRoleRank[member.role] < teamRoleRank.admin;
}

/**
 * `?remove=`, `?transfer=` and `?leave=1` ask for confirmation first; `?joined=1` and `?left=1`
 * are the notices after accepting an invitation or leaving a team (redirects, so no action data).
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireUser(context, request);
  const params = new URL(request.url).searchParams;
  const notice = params.get('joined') ? 'joined' : params.get('left') ? 'left' : null;
  const teams = viewer.teams;
  const current = teams.find((team) => team.teamId === params.get('team')) ?? teams[0];
  if (!current) return { viewerId: viewer.id, teams, team: null, notice, confirm: null };
  const team = unwrapForPage(
    await apiJson<TeamView>(context, `/api/v1/teams/${encodeURIComponent(current.teamId)}`),
    request,
  );
  const byId = (id: string | null) => team.members.find((member) => member.userId === id) ?? null;
  const removing = byId(params.get('remove'));
  const transferring = byId(params.get('transfer'));
  const confirm =
    removing && canManage(team.myRole, viewer.id, removing)
      ? { kind: 'remove' as const, member: removing }
      : transferring && team.myRole === 'owner' && transferring.userId !== viewer.id
        ? { kind: 'transfer' as const, member: transferring }
        : params.get('leave') && team.myRole !== 'owner'
          ? { kind: 'leave' as const, member: null }
          : null;
  return { viewerId: viewer.id, teams, team, notice, confirm };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const locale = localeOf(request);
  const text = translations[locale];
  const intent = intents.find((candidate) => candidate === form.get('intent')) ?? 'invite';
  const teamId = formText(form, 'teamId');
  const base = `/api/v1/teams/${encodeURIComponent(teamId)}`;
  const fail = (result: ApiFailure, values?: InviteValues) => {
    if (result.problem.code === 'unauthenticated') throw redirect(signInPath(teamPath(teamId)));
    const quota = quotaRefusalOf(result, locale);
    // The API's detail for these is English only; the page says it in the visitor's language.
    const error = quota
      ? quota.error
      : intent === 'invite' && result.problem.code === 'conflict'
        ? text.team.alreadyMember
        : intent === 'leave' && result.problem.code === 'forbidden'
          ? text.team.ownerCannotLeave
          : problemMessage(result, locale);
    return data<TeamActionData>(
      {
        ok: false,
        intent,
        error,
        fieldErrors: fieldErrorsOf(result.problem),
        ...(values ? { values } : {}),
        upgradeUrl: quota?.upgradeUrl,
      },
      { status: result.status },
    );
  };

  if (intent === 'invite') {
    const role = invitableTeamRoles.find((candidate) => candidate === form.get('role')) ?? 'editor';
    const values: InviteValues = { email: formText(form, 'email'), role };
    if (!values.email) {
      return data<TeamActionData>(
        { ok: false, intent, error: text.auth.required, fieldErrors: { email: text.auth.required }, values },
        { status: 400 },
      );
    }
    const result = await apiJson(context, `${base}/invitations`, { method: 'POST', json: values });
    if (!result.ok) return fail(result, values);
    return data<TeamActionData>({ ok: true, intent, email: values.email.toLowerCase() });
  }
  if (intent === 'withdraw') {
    const id = encodeURIComponent(formText(form, 'invitationId'));
    const result = await apiJson(context, `${base}/invitations/${id}`, { method: 'DELETE' });
    return result.ok ? data<TeamActionData>({ ok: true, intent }) : fail(result);
  }
  const userId = formText(form, 'userId');
  const memberPath = `${base}/members/${encodeURIComponent(userId)}`;
  if (intent === 'changeRole') {
    const result = await apiJson(context, memberPath, { method: 'PATCH', json: { role: formText(form, 'role') } });
    return result.ok ? data<TeamActionData>({ ok: true, intent }) : fail(result);
  }
  if (intent === 'transfer') {
    const result = await apiJson(context, `${base}/transfer-ownership`, { method: 'POST', json: { userId } });
    return result.ok ? data<TeamActionData>({ ok: true, intent }) : fail(result);
  }
  // Remove, or leave: the API tells them apart by whether the member is the caller.
  const result = await apiJson(context, memberPath, { method: 'DELETE' });
  if (!result.ok) return fail(result);
  if (intent === 'leave') throw redirect(`${pagePath}?left=1`);
  return data<TeamActionData>({ ok: true, intent });
}

export default function TeamSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { viewerId, teams, team, notice, confirm } = loaderData;
  const successMessages: Record<Intent, string> = {
    invite: t('team.invited', { email: actionData?.ok ? actionData.email : '' }),
    withdraw: t('team.withdrawn'),
    changeRole: t('team.roleChanged'),
    remove: t('team.removed'),
    transfer: t('team.transferred'),
    leave: t('team.left'),
  };
  const success = actionData?.ok ? successMessages[actionData.intent] : undefined;
  useFeedbackToast(actionData, { errorTitle: t('team.errorTitle'), successMessage: success });
  const noticeText =
    notice === 'joined' ? t('team.joinedNotice', { team: team?.name ?? '' }) : notice ? t('team.left') : null;
  useNoticeToast(noticeText);
  const failure = actionData && !actionData.ok ? actionData : null;

  return (
    <Stack gap="lg" maw={960}>
      <PageTitle>{t('team.title')}</PageTitle>
      <div>
        <Title order={1}>{team ? team.name : t('team.title')}</Title>
        <Text c="dimmed" mt={4} maw={720}>
          {t('team.intro')}
        </Text>
      </div>
      {noticeText && <Alert color="green">{noticeText}</Alert>}
      {success && <Alert color="green">{success}</Alert>}
      {failure && failure.intent !== 'invite' && (
        <Alert color="red" title={t('team.errorTitle')}>
          {failure.error}
          <QuotaUpgradeButton href={failure.upgradeUrl} />
        </Alert>
      )}

      {!team ? (
        <Text>{t('team.noTeam')}</Text>
      ) : (
        <>
          {teams.length > 1 && <TeamSelector teams={teams} current={team.id} />}
          <Text fw={500}>{t('team.yourRole', { role: t(`team.roles.${team.myRole}`) })}</Text>
          {confirm && <Confirmation team={team} confirm={confirm} viewerId={viewerId} />}
          <MembersSection team={team} viewerId={viewerId} />
          {team.myRole !== 'owner' && !confirm && (
            <Group>
              <Button
                component={Link}
                to={teamPath(team.id, { leave: '1' })}
                preventScrollReset
                variant="light"
                color="red"
              >
                {t('team.leave')}
              </Button>
            </Group>
          )}
          {teamRoleRank[team.myRole] >= teamRoleRank.admin && (
            <>
              <InvitationsSection team={team} />
              <InviteForm
                team={team}
                failure={failure?.intent === 'invite' ? failure : null}
                succeeded={actionData?.ok === true && actionData.intent === 'invite'}
              />
            </>
          )}
          <RolesSection />
        </>
      )}
    </Stack>
  );
}

/** A notice carried by the URL (after a redirect), toasted once when JavaScript runs. */
function useNoticeToast(message: string | null) {
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (message && shown.current !== message) {
      shown.current = message;
      notifications.show({ color: 'green', message });
    }
  }, [message]);
}

function RoleBadge({ role }: { role: TeamRole }) {
  const { t } = useTranslation();
  return (
    <Badge color={roleColors[role]} variant="light" miw="max-content" style={{ overflow: 'visible', flexShrink: 0 }}>
      {t(`team.roles.${role}`)}
    </Badge>
  );
}

/** A GET form, so choosing a team works without JavaScript too. */
function TeamSelector({ teams, current }: { teams: { teamId: string; name: string }[]; current: string }) {
  const { t } = useTranslation();
  return (
    <Form method="get" action={pagePath}>
      <Group gap="sm" align="flex-end">
        <NativeSelect
          label={t('team.selectTeam')}
          name="team"
          defaultValue={current}
          data={teams.map((team) => ({ value: team.teamId, label: team.name }))}
          w={{ base: '100%', xs: 280 }}
        />
        <Button type="submit" variant="default">
          {t('team.show')}
        </Button>
      </Group>
    </Form>
  );
}

function MembersSection({ team, viewerId }: { team: TeamView; viewerId: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="team-members">
      <Title order={2} size="h3" mb="sm" id="team-members">
        {t('team.membersTitle')}
      </Title>
      {/* Wide screens get a table, narrow ones a card per member: both in the HTML, CSS picks. */}
      <Table.ScrollContainer minWidth={760} visibleFrom="sm">
        <Table withTableBorder verticalSpacing="sm" data-testid="team-members-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('team.columns.name')}</Table.Th>
              <Table.Th scope="col">{t('team.columns.email')}</Table.Th>
              <Table.Th scope="col">{t('team.columns.role')}</Table.Th>
              <Table.Th scope="col">{t('team.columns.joined')}</Table.Th>
              <Table.Th scope="col">{t('team.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {team.members.map((member) => (
              <Table.Tr key={member.userId}>
                <Table.Th scope="row" fw={600}>
                  {member.name}{' '}
                  {member.userId === viewerId && (
                    <Text span c="dimmed" size="sm">
                      {t('team.you')}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td dir="ltr" ta="start">
                  {member.email}
                </Table.Td>
                <Table.Td>
                  <RoleBadge role={member.role} />
                </Table.Td>
                <Table.Td>
                  <Timestamp value={member.joinedAt} />
                </Table.Td>
                <Table.Td>
                  <MemberActions team={team} viewerId={viewerId} member={member} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack component="ul" gap="sm" p={0} m={0} hiddenFrom="sm" style={{ listStyle: 'none' }}>
        {team.members.map((member) => (
          <Paper component="li" key={member.userId} withBorder p="sm">
            <Stack gap={6}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text fw={600}>
                  {member.name}{' '}
                  {member.userId === viewerId && (
                    <Text span c="dimmed" size="sm">
                      {t('team.you')}
                    </Text>
                  )}
                </Text>
                <RoleBadge role={member.role} />
              </Group>
              <Text size="sm" dir="ltr" style={{ overflowWrap: 'anywhere' }} ta="start">
                {member.email}
              </Text>
              <MetaLine label={t('team.joined')}>
                <Timestamp value={member.joinedAt} />
              </MetaLine>
              <MemberActions team={team} viewerId={viewerId} member={member} />
            </Stack>
          </Paper>
        ))}
      </Stack>
    </section>
  );
}

function MetaLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={8} wrap="wrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Group>
  );
}

/** Only the actions the viewer's role allows on this member; the API checks again. */
function MemberActions({ team, viewerId, member }: { team: TeamView; viewerId: string; member: TeamMember }) {
  const { t } = useTranslation();
  const manageable = canManage(team.myRole, viewerId, member);
  const transferable = team.myRole === 'owner' && member.userId !== viewerId;
  if (!manageable && !transferable) return null;
  const action = teamPath(team.id);
  return (
    <Group gap="xs" wrap="wrap" align="flex-end">
      {manageable && (
        <Form method="post" action={action} preventScrollReset>
          <input type="hidden" name="teamId" value={team.id} />
          <input type="hidden" name="userId" value={member.userId} />
          <Group gap={6} wrap="nowrap">
            <NativeSelect
              aria-label={t('team.roleFor', { name: member.name })}
              name="role"
              size="xs"
              defaultValue={member.role}
              data={assignableRoles(team.myRole).map((role) => ({ value: role, label: t(`team.roles.${role}`) }))}
            />
            <SubmitButton
              action={action}
              name="intent"
              value="changeRole"
              size="xs"
              variant="default"
              aria-label={t('team.saveRoleLabel', { name: member.name })}
            >
              {t('team.saveRole')}
            </SubmitButton>
          </Group>
        </Form>
      )}
      {manageable && (
        <Button
          component={Link}
          to={teamPath(team.id, { remove: member.userId })}
          preventScrollReset
          variant="light"
          color="red"
          size="xs"
          aria-label={t('team.removeLabel', { name: member.name })}
        >
          {t('team.remove')}
        </Button>
      )}
      {transferable && (
        <Button
          component={Link}
          to={teamPath(team.id, { transfer: member.userId })}
          preventScrollReset
          variant="subtle"
          color="orange"
          size="xs"
          aria-label={t('team.transferLabel', { name: member.name })}
        >
          {t('team.transfer')}
        </Button>
      )}
    </Group>
  );
}

type ConfirmState = NonNullable<Route.ComponentProps['loaderData']['confirm']>;

function Confirmation({ team, confirm, viewerId }: { team: TeamView; confirm: ConfirmState; viewerId: string }) {
  const { t } = useTranslation();
  const name = confirm.member?.name ?? '';
  const copy = {
    remove: {
      title: t('team.removeTitle', { name }),
      text: t('team.removeText', { name }),
      button: t('team.confirmRemove'),
    },
    transfer: {
      title: t('team.transferTitle', { name }),
      text: t('team.transferText', { name }),
      button: t('team.confirmTransfer'),
    },
    leave: {
      title: t('team.leaveTitle', { team: team.name }),
      text: t('team.leaveText'),
      button: t('team.confirmLeave'),
    },
  }[confirm.kind];
  // The form posts to the page without the confirmation parameter, so it closes once done.
  const action = teamPath(team.id);
  return (
    <Paper
      withBorder
      p="md"
      role="alertdialog"
      aria-labelledby="team-confirm-title"
      aria-describedby="team-confirm-text"
      style={{ borderColor: 'var(--mantine-color-red-4)' }}
    >
      <Form method="post" action={action}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="team-confirm-title">
            {copy.title}
          </Title>
          <Text id="team-confirm-text">{copy.text}</Text>
          <input type="hidden" name="teamId" value={team.id} />
          {/* Leaving is removing oneself. */}
          <input type="hidden" name="userId" value={confirm.member?.userId ?? viewerId} />
          <Group gap="sm">
            <SubmitButton action={action} name="intent" value={confirm.kind} color="red">
              {copy.button}
            </SubmitButton>
            <Button component={Link} to={action} variant="default" preventScrollReset>
              {t('team.cancel')}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}

function InvitationsSection({ team }: { team: TeamView }) {
  const { t } = useTranslation();
  const action = teamPath(team.id);
  return (
    <section aria-labelledby="team-invitations">
      <Title order={2} size="h3" mb="sm" id="team-invitations">
        {t('team.invitationsTitle')}
      </Title>
      {team.invitations.length === 0 ? (
        <Text c="dimmed">{t('team.noInvitations')}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="team-invitations">
          {team.invitations.map((invitation) => (
            <Paper component="li" key={invitation.id} withBorder p="sm">
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Stack gap={4}>
                  <Group gap="xs">
                    <Text fw={600} dir="ltr" style={{ overflowWrap: 'anywhere' }}>
                      {invitation.email}
                    </Text>
                    <RoleBadge role={invitation.role} />
                  </Group>
                  <MetaLine label={t('team.expires')}>
                    <Timestamp value={invitation.expiresAt} />
                  </MetaLine>
                </Stack>
                <Form method="post" action={action} preventScrollReset>
                  <input type="hidden" name="teamId" value={team.id} />
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <SubmitButton
                    action={action}
                    name="intent"
                    value="withdraw"
                    size="xs"
                    variant="light"
                    color="red"
                    aria-label={t('team.withdrawLabel', { email: invitation.email })}
                  >
                    {t('team.withdraw')}
                  </SubmitButton>
                </Form>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </section>
  );
}

function InviteForm({
  team,
  failure,
  succeeded,
}: {
  team: TeamView;
  failure: Extract<TeamActionData, { ok: false }> | null;
  succeeded: boolean;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const values = failure?.values;
  const fieldErrors = failure?.fieldErrors ?? {};
  const action = teamPath(team.id);

  useEffect(() => {
    if (succeeded) formRef.current?.reset();
  }, [succeeded]);

  return (
    <Paper component="section" withBorder p={{ base: 'md', sm: 'lg' }} aria-labelledby="team-invite-title" maw={720}>
      <Form method="post" action={action} ref={formRef} preventScrollReset>
        <Stack gap="md">
          <div>
            <Title order={2} size="h3" id="team-invite-title">
              {t('team.inviteTitle')}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t('team.inviteIntro')}
            </Text>
          </div>
          {failure && (
            <Alert color="red" title={t('team.errorTitle')}>
              {failure.error}
              <QuotaUpgradeButton href={failure.upgradeUrl} />
            </Alert>
          )}
          <input type="hidden" name="teamId" value={team.id} />
          <TextInput
            label={t('team.email')}
            name="email"
            type="email"
            autoComplete="off"
            required
            maxLength={320}
            dir="ltr"
            defaultValue={values?.email}
            error={fieldErrors.email}
          />
          <NativeSelect
            label={t('team.role')}
            name="role"
            defaultValue={values?.role ?? 'editor'}
            data={assignableRoles(team.myRole).map((role) => ({ value: role, label: t(`team.roles.${role}`) }))}
            error={fieldErrors.role}
            w={{ base: '100%', xs: 280 }}
          />
          <Group>
            <SubmitButton action={action} name="intent" value="invite">
              {t('team.invite')}
            </SubmitButton>
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}

function RolesSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="team-roles">
      <Title order={2} size="h3" mb="sm" id="team-roles">
        {t('team.rolesTitle')}
      </Title>
      <Stack component="dl" gap="xs" m={0}>
        {teamRoles.map((role) => (
          <Group key={role} gap="sm" wrap="nowrap" align="flex-start">
            <Text component="dt" w={130} style={{ flexShrink: 0 }}>
              <RoleBadge role={role} />
            </Text>
            <Text component="dd" m={0} size="sm">
              {t(`team.roleDescriptions.${role}`)}
            </Text>
          </Group>
        ))}
      </Stack>
    </section>
  );
}
