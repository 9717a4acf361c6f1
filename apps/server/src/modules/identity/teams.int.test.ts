import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';
import { latestMail, linkIn } from '../../../test/mailbox.ts';

let test: TestApp;
const origin = 'http://localhost:3000';

beforeAll(async () => {
  test = await buildTestApp();
  // Roles are tested here, not the plan's seats (billing tests those): Free gets unlimited seats.
  await test.runtime.services.billing.plans.update((await createTestUser(test)).id, 'free', {
    quotas: { teamSeats: null },
  });
});
afterAll(async () => {
  await test?.close();
});

function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, user: TestUser, payload?: object) {
  return test.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { cookie: user.cookie, origin },
    ...(payload ? { payload } : {}),
  });
}

async function teamOf(user: TestUser): Promise<string> {
  const me = await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: user.cookie } });
  return me.json().teams[0].teamId;
}

/** Invites `invitee` into the team and accepts through the link mailed to them. */
async function join(owner: TestUser, teamId: string, invitee: TestUser, role: 'admin' | 'editor' | 'analyst') {
  const invite = await call('POST', `/teams/${teamId}/invitations`, owner, { email: invitee.email, role });
  expect(invite.statusCode).toBe(201);
  const mail = await latestMail(test, invitee.email, 'team-invitation');
  const token = new URL(linkIn(mail?.text ?? '', '/invitations/accept')).searchParams.get('token') ?? '';
  const accept = await call('POST', '/invitations/accept', invitee, { token });
  expect(accept.statusCode).toBe(200);
  return token;
}

describe('merchant teams', () => {
  it('makes every merchant account a team it owns', async () => {
    const merchant = await createTestUser(test, { accountType: 'merchant' });
    const me = await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: merchant.cookie } });
    expect(me.json().teams).toEqual([{ teamId: expect.any(String), name: expect.any(String), role: 'owner' }]);
    const influencer = await createTestUser(test, { accountType: 'influencer' });
    const theirs = await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: influencer.cookie } });
    expect(theirs.json().teams).toEqual([]);
  });

  it('invites by email with a role; the invitee accepts once, with the invited address only', async () => {
    const owner = await createTestUser(test, { accountType: 'merchant' });
    const teamId = await teamOf(owner);
    const editor = await createTestUser(test, { accountType: 'influencer' });
    const token = await join(owner, teamId, editor, 'editor');
    const team = await call('GET', `/teams/${teamId}`, editor);
    expect(team.statusCode).toBe(200);
    expect(team.json().myRole).toBe('editor');
    expect(team.json().members.map((member: { email: string; role: string }) => [member.email, member.role])).toEqual([
      [owner.email, 'owner'],
      [editor.email, 'editor'],
    ]);
    expect(team.json().invitations).toEqual([]); // editors do not see invitations

    const reused = await call('POST', '/invitations/accept', editor, { token });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().code).toBe('invalid_token');

    const other = await createTestUser(test);
    await call('POST', `/teams/${teamId}/invitations`, owner, { email: 'someone.else@example.test', role: 'analyst' });
    const mail = await latestMail(test, 'someone.else@example.test', 'team-invitation');
    const foreignToken = new URL(linkIn(mail?.text ?? '', '/invitations/accept')).searchParams.get('token') ?? '';
    const wrongPerson = await call('POST', '/invitations/accept', other, { token: foreignToken });
    expect(wrongPerson.statusCode).toBe(403);
  });

  it('limits each role: editors cannot invite, admins cannot touch admins, nobody but the owner transfers', async () => {
    const owner = await createTestUser(test, { accountType: 'merchant' });
    const teamId = await teamOf(owner);
    const admin = await createTestUser(test);
    const editor = await createTestUser(test);
    const analyst = await createTestUser(test);
    await join(owner, teamId, admin, 'admin');
    await join(owner, teamId, editor, 'editor');
    await join(owner, teamId, analyst, 'analyst');

    expect(
      (await call('POST', `/teams/${teamId}/invitations`, editor, { email: 'x@example.test', role: 'analyst' }))
        .statusCode,
    ).toBe(403);
    expect((await call('PATCH', `/teams/${teamId}/members/${analyst.id}`, editor, { role: 'editor' })).statusCode).toBe(
      403,
    );
    expect((await call('PATCH', `/teams/${teamId}/members/${analyst.id}`, admin, { role: 'editor' })).statusCode).toBe(
      204,
    );
    expect((await call('PATCH', `/teams/${teamId}/members/${editor.id}`, admin, { role: 'admin' })).statusCode).toBe(
      403,
    );
    expect((await call('DELETE', `/teams/${teamId}/members/${owner.id}`, admin)).statusCode).toBe(403);
    expect((await call('POST', `/teams/${teamId}/transfer-ownership`, admin, { userId: admin.id })).statusCode).toBe(
      403,
    );
    expect((await call('GET', `/teams/${teamId}`, analyst)).statusCode).toBe(200);

    const team = await call('GET', `/teams/${teamId}`, owner);
    const roles = Object.fromEntries(
      team.json().members.map((member: { userId: string; role: string }) => [member.userId, member.role]),
    );
    expect(roles).toEqual({ [owner.id]: 'owner', [admin.id]: 'admin', [editor.id]: 'editor', [analyst.id]: 'editor' });
  });

  it("keeps another merchant's team invisible (404) and unchanged", async () => {
    const owner = await createTestUser(test, { accountType: 'merchant' });
    const teamId = await teamOf(owner);
    const rival = await createTestUser(test, { accountType: 'merchant' });
    expect((await call('GET', `/teams/${teamId}`, rival)).statusCode).toBe(404);
    expect(
      (await call('POST', `/teams/${teamId}/invitations`, rival, { email: 'spy@example.test', role: 'admin' }))
        .statusCode,
    ).toBe(404);
    expect((await call('DELETE', `/teams/${teamId}/members/${owner.id}`, rival)).statusCode).toBe(404);
    const team = await call('GET', `/teams/${teamId}`, owner);
    expect(team.json().members).toHaveLength(1);
    expect(team.json().invitations).toEqual([]);
  });

  it('removes members, lets members leave, and transfers ownership (the old owner stays as admin)', async () => {
    const owner = await createTestUser(test, { accountType: 'merchant' });
    const teamId = await teamOf(owner);
    const successor = await createTestUser(test);
    const leaver = await createTestUser(test);
    const removed = await createTestUser(test);
    await join(owner, teamId, successor, 'admin');
    await join(owner, teamId, leaver, 'analyst');
    await join(owner, teamId, removed, 'editor');

    expect((await call('DELETE', `/teams/${teamId}/members/${removed.id}`, owner)).statusCode).toBe(204);
    expect((await call('DELETE', `/teams/${teamId}/members/${leaver.id}`, leaver)).statusCode).toBe(204);
    expect((await call('DELETE', `/teams/${teamId}/members/${owner.id}`, owner)).statusCode).toBe(403);
    expect(
      (await call('POST', `/teams/${teamId}/transfer-ownership`, owner, { userId: successor.id })).statusCode,
    ).toBe(204);

    const team = await call('GET', `/teams/${teamId}`, successor);
    expect(team.json().myRole).toBe('owner');
    const roles = Object.fromEntries(
      team.json().members.map((member: { userId: string; role: string }) => [member.userId, member.role]),
    );
    expect(roles).toEqual({ [successor.id]: 'owner', [owner.id]: 'admin' });
    expect((await call('GET', `/teams/${teamId}`, removed)).statusCode).toBe(404);
  });

  it('lets only the owner make admins, by invitation too, and withdraws a removed admin’s invitations', async () => {
    const owner = await createTestUser(test, { accountType: 'merchant' });
    const teamId = await teamOf(owner);
    const admin = await createTestUser(test);
    await join(owner, teamId, admin, 'admin');
    const escalation = await call('POST', `/teams/${teamId}/invitations`, admin, {
      email: 'alt@example.test',
      role: 'admin',
    });
    expect(escalation.statusCode).toBe(403);

    const friend = await createTestUser(test);
    expect(
      (await call('POST', `/teams/${teamId}/invitations`, admin, { email: friend.email, role: 'editor' })).statusCode,
    ).toBe(201);
    const mail = await latestMail(test, friend.email, 'team-invitation');
    const token = new URL(linkIn(mail?.text ?? '', '/invitations/accept')).searchParams.get('token') ?? '';
    expect((await call('DELETE', `/teams/${teamId}/members/${admin.id}`, owner)).statusCode).toBe(204);
    const accept = await call('POST', '/invitations/accept', friend, { token });
    expect(accept.statusCode).toBe(400);
    expect(accept.json().code).toBe('invalid_token');
  });

  it('always keeps exactly one owner, even when a transfer races the new owner leaving', async () => {
    const owner = await createTestUser(test, { accountType: 'merchant' });
    const teamId = await teamOf(owner);
    const successor = await createTestUser(test);
    await join(owner, teamId, successor, 'admin');
    const [transfer, leave] = await Promise.all([
      call('POST', `/teams/${teamId}/transfer-ownership`, owner, { userId: successor.id }),
      call('DELETE', `/teams/${teamId}/members/${successor.id}`, successor),
    ]);
    const outcomes = [transfer.statusCode, leave.statusCode].sort();
    // Whichever runs first wins; the other sees the new state and is refused.
    expect([
      [204, 403],
      [204, 404],
    ]).toContainEqual(outcomes);
    const team = await call('GET', `/teams/${teamId}`, transfer.statusCode === 204 ? successor : owner);
    const owners = team.json().members.filter((member: { role: string }) => member.role === 'owner');
    expect(owners).toHaveLength(1);
  });
});
