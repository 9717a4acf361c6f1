import type { KycProfileView, KycReviewView } from '@souk/contracts/kyc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, eventually, type TestApp, type TestUser } from '../../../test/harness.ts';
import { request, sampleJpeg, samplePdf, submitIndividualKyc, uploadDocument } from '../../../test/kyc.ts';
import { latestMail } from '../../../test/mailbox.ts';

async function auditActions(test: TestApp, admin: TestUser) {
  const response = await request(test, admin, 'GET', '/api/v1/admin/audit-events?limit=100');
  return (response.json() as { items: { action: string; actorId: string | null; details: Record<string, unknown> }[] })
    .items;
}

describe('KYC: influencer file from draft to approval', () => {
  let test: TestApp;
  let influencer: TestUser;
  let admin: TestUser;
  let reviewer: TestUser;

  beforeAll(async () => {
    test = await buildTestApp();
    influencer = await createTestUser(test, { accountType: 'influencer', locale: 'fr' });
    admin = await createTestUser(test, { role: 'admin', accountType: null });
    reviewer = await createTestUser(test, { accountType: 'influencer' });
  });
  afterAll(() => test.close());

  it('starts empty and lists what is missing', async () => {
    const response = await request(test, influencer, 'GET', '/api/v1/kyc');
    expect(response.statusCode).toBe(200);
    const view = response.json() as KycProfileView;
    expect(view).toMatchObject({ id: null, kind: 'individual', status: 'draft', verified: false });
    expect(view.missing).toEqual(expect.arrayContaining(['legalName', 'bankAccount', 'phone', 'cin_front']));
  });

  it('saves a draft with normalised values, and refuses to submit an incomplete file', async () => {
    const saved = await request(test, influencer, 'PATCH', '/api/v1/kyc', {
      legalName: '  Yasmine   Benali ',
      bankAccount: 'MA64 0115 1900 0001 2050 0053 4921',
    });
    expect(saved.statusCode).toBe(200);
    expect((saved.json() as KycProfileView).data).toEqual({
      legalName: 'Yasmine Benali',
      bankAccount: '011519000001205000534921',
    });
    const submitted = await request(test, influencer, 'POST', '/api/v1/kyc/submit');
    expect(submitted.statusCode).toBe(422);
    expect(submitted.json().errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['birthDate', 'phone', 'cin_front']),
    );
  });

  it('grants the reviewer role through the admin API', async () => {
    const granted = await request(test, admin, 'PUT', `/api/v1/admin/users/${reviewer.id}/kyc-reviewer`, {
      reviewer: true,
    });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().role).toBe('kyc_reviewer');
    const me = await request(test, reviewer, 'GET', '/api/v1/me');
    expect(me.json().role).toBe('kyc_reviewer');
    const byUser = await request(test, influencer, 'PUT', `/api/v1/admin/users/${influencer.id}/kyc-reviewer`, {
      reviewer: true,
    });
    expect(byUser.statusCode).toBe(403);
  });

  it('goes through the queue: needs info on the RIB, fixed, approved; badge and payout account follow', async () => {
    const submitted = await submitIndividualKyc(
      test,
      influencer,
      test.factories.kycIndividual({ legalName: 'Yasmine Benali' }),
    );
    expect(submitted.status).toBe('submitted');

    const forUser = await request(test, influencer, 'GET', '/api/v1/admin/kyc');
    expect(forUser.statusCode).toBe(403);
    const queue = await request(test, reviewer, 'GET', '/api/v1/admin/kyc');
    expect(queue.statusCode).toBe(200);
    const item = queue.json().items.find((entry: { id: string }) => entry.id === submitted.id);
    expect(item).toMatchObject({ status: 'submitted', kind: 'individual', flags: 0 });

    const opened = await request(test, reviewer, 'GET', `/api/v1/admin/kyc/${item.id}`);
    const review = opened.json() as KycReviewView;
    expect(review.profile.status).toBe('in_review');
    expect(review.checks.every((check) => check.ok)).toBe(true);
    expect(review.subjectEmail).toBe(influencer.email);

    const asked = await request(test, reviewer, 'POST', `/api/v1/admin/kyc/${item.id}/decision`, {
      decision: 'request_info',
      items: ['bankAccount'],
      note: 'Le RIB ne correspond pas au nom.',
    });
    expect(asked.statusCode).toBe(200);
    expect((asked.json() as KycReviewView).profile).toMatchObject({
      status: 'needs_info',
      requestedItems: ['bankAccount'],
    });
    const mail = await eventually(async () => {
      const found = await latestMail(test, influencer.email, 'notification');
      if (!found?.text.includes('Informations complémentaires')) throw new Error('not yet');
      return found;
    });
    expect(mail.text).toContain('Le RIB ne correspond pas au nom.');

    const fixed = await request(test, influencer, 'PATCH', '/api/v1/kyc', {
      bankAccount: test.factories.withKey('0115190000012050005350'),
    });
    expect(fixed.statusCode).toBe(200);
    expect((await request(test, influencer, 'POST', '/api/v1/kyc/submit')).statusCode).toBe(200);

    await request(test, reviewer, 'GET', `/api/v1/admin/kyc/${item.id}`);
    const approved = await request(test, reviewer, 'POST', `/api/v1/admin/kyc/${item.id}/decision`, {
      decision: 'approve',
    });
    expect(approved.statusCode).toBe(200);

    const mine = (await request(test, influencer, 'GET', '/api/v1/kyc')).json() as KycProfileView;
    expect(mine).toMatchObject({ status: 'approved', verified: true });
    expect(mine.history.map((entry) => entry.status)).toEqual([
      'submitted',
      'in_review',
      'needs_info',
      'submitted',
      'in_review',
      'approved',
    ]);
    expect(await test.runtime.services.kyc.verifiedUsers([influencer.id, reviewer.id])).toEqual(
      new Set([influencer.id]),
    );
    expect(await test.runtime.services.kyc.payoutAccount({ type: 'user', id: influencer.id })).toEqual({
      rib: test.factories.withKey('0115190000012050005350'),
      holderName: 'Yasmine Benali',
      bankName: expect.any(String),
    });

    const actions = (await auditActions(test, admin)).map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining(['kyc_submitted', 'kyc_viewed', 'kyc_info_requested', 'kyc_approved']),
    );
  });

  it('sends a changed RIB back to review alone, holds payouts, and warns by mail and SMS', async () => {
    const newRib = test.factories.withKey('0071230000098765432100');
    const refused = await request(test, influencer, 'PATCH', '/api/v1/kyc', { legalName: 'Someone Else' });
    expect(refused.statusCode).toBe(409);

    const changed = await request(test, influencer, 'PATCH', '/api/v1/kyc', { bankAccount: newRib });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ status: 'submitted', verified: true, requestedItems: ['bankAccount'] });
    expect(await test.runtime.services.kyc.payoutAccount({ type: 'user', id: influencer.id })).toBeNull();

    const sms = await test.runtime.services.messaging.sms.list({ limit: 5, to: '+212612345678' });
    expect(sms[0]).toMatchObject({ purpose: 'kyc.bank_account_changed' });
    expect(sms[0]?.body).toContain(newRib.slice(-4));
    await eventually(async () => {
      const found = await latestMail(test, influencer.email, 'notification');
      if (!found?.subject.includes('RIB')) throw new Error('not yet');
    });

    const profileId = changed.json().id as string;
    await request(test, reviewer, 'GET', `/api/v1/admin/kyc/${profileId}`);
    await request(test, reviewer, 'POST', `/api/v1/admin/kyc/${profileId}/decision`, { decision: 'approve' });
    expect((await test.runtime.services.kyc.payoutAccount({ type: 'user', id: influencer.id }))?.rib).toBe(newRib);
  });

  it('exports everything held, documents included, and logs the export', async () => {
    const response = await request(test, influencer, 'GET', '/api/v1/kyc/export');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const exported = response.json();
    expect(exported.profile.status).toBe('approved');
    expect(exported.documents).toHaveLength(2);
    expect(Buffer.from(exported.documents[0].base64, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect((await auditActions(test, admin)).some((event) => event.action === 'kyc_data_exported')).toBe(true);
  });

  it('rejects with a reason, lets the person resubmit, and purges documents after the retention period', async () => {
    const other = await createTestUser(test, { accountType: 'influencer' });
    const submitted = await submitIndividualKyc(test, other);
    const profileId = submitted.id as string;
    const rejected = await request(test, reviewer, 'POST', `/api/v1/admin/kyc/${profileId}/decision`, {
      decision: 'reject',
      reason: 'document_unreadable',
      note: 'Photo floue',
    });
    expect(rejected.statusCode).toBe(200);
    expect((rejected.json() as KycReviewView).profile).toMatchObject({
      status: 'rejected',
      decisionReason: 'document_unreadable',
    });

    // Not yet due: nothing goes.
    expect(await test.runtime.services.kyc.purgeExpiredDocuments()).toBe(0);
    const inThirteenMonths = new Date(Date.now() + 400 * 24 * 3600 * 1000);
    expect(await test.runtime.services.kyc.purgeExpiredDocuments(inThirteenMonths)).toBe(2);
    const after = (await request(test, other, 'GET', '/api/v1/kyc')).json() as KycProfileView;
    expect(after.documents).toEqual([]);
    expect((await auditActions(test, admin)).some((event) => event.action === 'kyc_documents_purged')).toBe(true);

    // The person can try again: new documents, new submission.
    const jpeg = await sampleJpeg();
    for (const kind of ['cin_front', 'cin_back'] as const) {
      expect(
        (await uploadDocument(test, other, kind, { name: 'scan.jpg', type: 'image/jpeg', bytes: jpeg })).statusCode,
      ).toBe(201);
    }
    const again = await request(test, other, 'POST', '/api/v1/kyc/submit');
    expect(again.json().status).toBe('submitted');
  });

  it('lets a merchant team owner submit the company file, with PDFs', async () => {
    const merchant = await createTestUser(test, { accountType: 'merchant' });
    const me = (await request(test, merchant, 'GET', '/api/v1/me')).json() as { teams: { teamId: string }[] };
    const organizationId = me.teams[0]?.teamId as string;
    const saved = await request(
      test,
      merchant,
      'PATCH',
      `/api/v1/kyc?organizationId=${organizationId}`,
      test.factories.kycCompany(),
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json().kind).toBe('company');
    for (const kind of ['rc_extract', 'ice_certificate', 'representative_cin'] as const) {
      const uploaded = await uploadDocument(
        test,
        merchant,
        kind,
        { name: `${kind}.pdf`, type: 'application/pdf', bytes: samplePdf() },
        organizationId,
      );
      expect(uploaded.statusCode).toBe(201);
    }
    const submitted = await request(test, merchant, 'POST', `/api/v1/kyc/submit?organizationId=${organizationId}`);
    expect(submitted.statusCode).toBe(200);
    await request(test, reviewer, 'POST', `/api/v1/admin/kyc/${submitted.json().id}/decision`, { decision: 'approve' });
    expect(await test.runtime.services.kyc.verifiedOrganizations([organizationId])).toEqual(new Set([organizationId]));
  });

  it('flags the same CIN, ICE or RIB used by another account', async () => {
    const first = await createTestUser(test, { accountType: 'influencer' });
    const second = await createTestUser(test, { accountType: 'influencer' });
    const shared = test.factories.kycIndividual();
    await submitIndividualKyc(test, first, shared);
    const copy = await submitIndividualKyc(
      test,
      second,
      test.factories.kycIndividual({ cinNumber: shared.cinNumber, bankAccount: shared.bankAccount }),
    );
    const review = (await request(test, reviewer, 'GET', `/api/v1/admin/kyc/${copy.id}`)).json() as KycReviewView;
    expect(review.duplicates.map((duplicate) => duplicate.field).sort()).toEqual(['bankAccount', 'cinNumber']);
    const queue = (await request(test, reviewer, 'GET', '/api/v1/admin/kyc')).json();
    expect(queue.items.find((entry: { id: string }) => entry.id === copy.id).flags).toBe(2);
  });

  it('lets a program fill in its owner’s file with a kyc:write API key, and nothing with another key', async () => {
    const owner = await createTestUser(test, { accountType: 'influencer' });
    const keyFor = async (scopes: string[]) =>
      (await request(test, owner, 'POST', '/api/v1/api-keys', { name: scopes.join(' ') || 'none', scopes })).json()
        .key as string;
    const kycKey = await keyFor(['kyc:write']);
    const otherKey = await keyFor(['orders:read']);
    const saved = await test.app.inject({
      method: 'PATCH',
      url: '/api/v1/kyc',
      headers: { authorization: `Bearer ${kycKey}` },
      payload: { legalName: 'Program Filled' },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().data.legalName).toBe('Program Filled');
    const refused = await test.app.inject({
      method: 'GET',
      url: '/api/v1/kyc',
      headers: { authorization: `Bearer ${otherKey}` },
    });
    expect(refused.statusCode).toBe(403);
    const review = await test.app.inject({
      method: 'GET',
      url: '/api/v1/admin/kyc',
      headers: { authorization: `Bearer ${kycKey}` },
    });
    expect(review.statusCode).toBe(403);
  });
});
