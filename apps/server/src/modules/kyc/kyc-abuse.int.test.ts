import type { KycProfileView } from '@souk/contracts/kyc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';
import {
  latestSmsCode,
  request,
  sampleJpeg,
  samplePdf,
  samplePng,
  submitIndividualKyc,
  uploadDocument,
} from '../../../test/kyc.ts';
import { SignedLinks } from './signed-links.ts';

/** Each "bad input and abuse" case of the KYC issue, one test each: refused, explained, nothing changed. */
describe('KYC: bad input and abuse', () => {
  let test: TestApp;
  let influencer: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    test = await buildTestApp();
    influencer = await createTestUser(test, { accountType: 'influencer', locale: 'fr' });
    admin = await createTestUser(test, { role: 'admin', accountType: null });
  });
  afterAll(() => test.close());

  async function draftData() {
    return ((await request(test, influencer, 'GET', '/api/v1/kyc')).json() as KycProfileView).data;
  }

  it('refuses an ICE with a wrong checksum, in the caller’s language', async () => {
    const merchant = await createTestUser(test, { accountType: 'merchant' });
    const response = await test.app.inject({
      method: 'PATCH',
      url: '/api/v1/kyc',
      headers: { cookie: merchant.cookie, origin: 'http://localhost:3000', 'x-souk-locale': 'en' },
      payload: { ice: '001561191000065', companyName: 'Atlas' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      { path: 'body.ice', message: expect.stringContaining('last two digits (check digits) do not match') },
    ]);
    // Nothing was saved, not even the valid field sent with it.
    expect((await request(test, merchant, 'GET', '/api/v1/kyc')).json().data).toEqual({});
  });

  it('refuses a RIB with a wrong key', async () => {
    const response = await request(test, influencer, 'PATCH', '/api/v1/kyc', {
      bankAccount: '011519000001205000534922',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0]).toEqual({
      path: 'body.bankAccount',
      message: expect.stringContaining('clé RIB'),
    });
    expect(await draftData()).toEqual({});
  });

  it('refuses an IBAN valid mod 97 whose inner RIB key is wrong', async () => {
    // MA + check digits computed for the RIB with key 22: the IBAN adds up, the RIB does not.
    const response = await request(test, influencer, 'PATCH', '/api/v1/kyc', {
      bankAccount: 'MA37011519000001205000534922',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].message).toContain('clé du RIB');
    expect(await draftData()).toEqual({});
  });

  it('refuses a CIN in a wrong format', async () => {
    const response = await test.app.inject({
      method: 'PATCH',
      url: '/api/v1/kyc',
      headers: { cookie: influencer.cookie, origin: 'http://localhost:3000', 'x-souk-locale': 'ar' },
      payload: { cinNumber: '12345678' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0]).toEqual({
      path: 'body.cinNumber',
      message: expect.stringContaining('البطاقة الوطنية'),
    });
  });

  it('refuses a PDF renamed .jpg that carries a script', async () => {
    const response = await uploadDocument(test, influencer, 'cin_front', {
      name: 'cin.jpg',
      type: 'image/jpeg',
      bytes: samplePdf(true),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toContain('ne correspond pas à son extension');
    // Named .pdf it is still refused, for the script.
    const asPdf = await uploadDocument(test, influencer, 'cin_front', {
      name: 'cin.pdf',
      type: 'application/pdf',
      bytes: samplePdf(true),
    });
    expect(asPdf.statusCode).toBe(422);
    expect(asPdf.json().detail).toContain('JavaScript');
    // HTML calling itself a JPEG has no JPEG signature at all.
    const html = await uploadDocument(test, influencer, 'cin_front', {
      name: 'cin.jpg',
      type: 'image/jpeg',
      bytes: Buffer.from('<script>alert(1)</script>'),
    });
    expect(html.statusCode).toBe(422);
    expect((await request(test, influencer, 'GET', '/api/v1/kyc')).json().documents).toEqual([]);
  });

  it('refuses a 50 MB upload', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0);
    (await sampleJpeg()).copy(big);
    const response = await uploadDocument(test, influencer, 'cin_front', {
      name: 'big.jpg',
      type: 'image/jpeg',
      bytes: big,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().detail).toContain('10 Mo');
    expect((await request(test, influencer, 'GET', '/api/v1/kyc')).json().documents).toEqual([]);
  });

  it('answers 404 to an influencer opening another user’s document, and logs the attempt', async () => {
    const owner = await createTestUser(test, { accountType: 'influencer' });
    const uploaded = await uploadDocument(test, owner, 'cin_front', {
      name: 'a.jpg',
      type: 'image/jpeg',
      bytes: await sampleJpeg(),
    });
    const documentId = uploaded.json().id as string;
    const ownLink = (await request(test, owner, 'POST', `/api/v1/kyc/documents/${documentId}/link`)).json() as {
      url: string;
    };

    const link = await request(test, influencer, 'POST', `/api/v1/kyc/documents/${documentId}/link`);
    expect(link.statusCode).toBe(404);
    // The owner's signed URL, copied, does not open for someone else either.
    const stolen = await request(test, influencer, 'GET', ownLink.url);
    expect(stolen.statusCode).toBe(404);
    const unknown = await request(test, influencer, 'POST', `/api/v1/kyc/documents/${crypto.randomUUID()}/link`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe(link.json().code);

    const audit = await request(test, admin, 'GET', '/api/v1/admin/audit-events?action=kyc_document_access_denied');
    const denied = audit.json().items.filter((event: { actorId: string }) => event.actorId === influencer.id);
    expect(denied.length).toBeGreaterThanOrEqual(2);
    expect(denied[0].details.documentId).toBeDefined();
  });

  it('refuses an expired signed URL', async () => {
    const uploaded = await uploadDocument(test, influencer, 'cin_back', {
      name: 'b.png',
      type: 'image/png',
      bytes: await samplePng(),
    });
    expect(uploaded.statusCode).toBe(201);
    const { url } = (
      await request(test, influencer, 'POST', `/api/v1/kyc/documents/${uploaded.json().id}/link`)
    ).json();
    expect((await request(test, influencer, 'GET', url)).statusCode).toBe(200);
    const expired = new URL(url, 'http://x');
    expired.searchParams.set('expires', String(Math.floor(Date.now() / 1000) - 1));
    const tampered = await request(test, influencer, 'GET', `${expired.pathname}${expired.search}`);
    // A changed expiry breaks the signature: refused like a forged link.
    expect(tampered.statusCode).toBe(404);
    const realOld = await signedUrlFromThePast(test, influencer, uploaded.json().id);
    const old = await request(test, influencer, 'GET', realOld);
    expect(old.statusCode).toBe(400);
    expect(old.json().code).toBe('invalid_token');
  });

  it('forbids a reviewer approving their own KYC', async () => {
    const reviewer = await createTestUser(test, { accountType: 'influencer' });
    await request(test, admin, 'PUT', `/api/v1/admin/users/${reviewer.id}/kyc-reviewer`, { reviewer: true });
    const submitted = await submitIndividualKyc(test, reviewer);
    const opened = await request(test, reviewer, 'GET', `/api/v1/admin/kyc/${submitted.id}`);
    expect(opened.json().profile.status).toBe('submitted');
    const approve = await request(test, reviewer, 'POST', `/api/v1/admin/kyc/${submitted.id}/decision`, {
      decision: 'approve',
    });
    expect(approve.statusCode).toBe(403);
    expect((await request(test, reviewer, 'GET', '/api/v1/kyc')).json()).toMatchObject({
      status: 'submitted',
      verified: false,
    });
    // An admin on their own team's file is refused the same way.
    const merchantAdmin = await createTestUser(test, { role: 'admin', accountType: 'merchant' });
    const teamId = (await request(test, merchantAdmin, 'GET', '/api/v1/me')).json().teams[0].teamId;
    await request(test, merchantAdmin, 'PATCH', `/api/v1/kyc?organizationId=${teamId}`, { companyName: 'Own Co' });
    const profileId = (await request(test, merchantAdmin, 'GET', `/api/v1/kyc?organizationId=${teamId}`)).json().id;
    const own = await request(test, merchantAdmin, 'POST', `/api/v1/admin/kyc/${profileId}/decision`, {
      decision: 'approve',
    });
    expect(own.statusCode).toBe(403);
  });

  it('locks the phone code after 5 wrong attempts, even for the right code', async () => {
    const person = await createTestUser(test, { accountType: 'influencer' });
    const phone = '+212712345678';
    expect((await request(test, person, 'POST', '/api/v1/kyc/phone/code', { phone: '0712345678' })).statusCode).toBe(
      200,
    );
    const code = await latestSmsCode(test, phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await request(test, person, 'POST', '/api/v1/kyc/phone/verify', { code: wrong })).statusCode).toBe(401);
    }
    const locked = await request(test, person, 'POST', '/api/v1/kyc/phone/verify', { code });
    expect(locked.statusCode).toBe(429);
    expect((await request(test, person, 'GET', '/api/v1/kyc')).json().phone.verifiedAt).toBeNull();
  });

  it('refuses a phone number that is not Moroccan or not valid', async () => {
    for (const phone of ['0512 34 56 78', '+33612345678']) {
      const response = await request(test, influencer, 'POST', '/api/v1/kyc/phone/code', { phone });
      expect(response.statusCode).toBe(422);
    }
    expect(await test.runtime.services.messaging.sms.list({ limit: 10, to: '+33612345678' })).toEqual([]);
  });

  it('keeps the queue, the SMS outbox and the reviewer role away from ordinary users', async () => {
    expect((await request(test, influencer, 'GET', '/api/v1/admin/kyc')).statusCode).toBe(403);
    expect((await request(test, influencer, 'GET', `/api/v1/admin/kyc/${crypto.randomUUID()}`)).statusCode).toBe(403);
    expect((await request(test, influencer, 'GET', '/api/v1/admin/sms')).statusCode).toBe(403);
    expect((await request(test, admin, 'GET', '/api/v1/admin/sms')).statusCode).toBe(200);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/kyc' })).statusCode).toBe(401);
  });

  it('lets only the owner or an admin of a team see its KYC', async () => {
    const merchant = await createTestUser(test, { accountType: 'merchant' });
    const teamId = (await request(test, merchant, 'GET', '/api/v1/me')).json().teams[0].teamId;
    const outsider = await request(test, influencer, 'GET', `/api/v1/kyc?organizationId=${teamId}`);
    expect(outsider.statusCode).toBe(404);
    const write = await request(test, influencer, 'PATCH', `/api/v1/kyc?organizationId=${teamId}`, {
      companyName: 'Hijack',
    });
    expect(write.statusCode).toBe(404);
  });
});

/** A link signed as the server would have five minutes and one second ago. */
async function signedUrlFromThePast(test: TestApp, user: TestUser, documentId: string): Promise<string> {
  const secret = `${test.runtime.config.AUTH_SECRET}:kyc-links`;
  const { expires, signature } = new SignedLinks(secret).sign(documentId, user.id, Date.now() - 301_000);
  return `/api/v1/kyc/documents/${documentId}/content?expires=${expires}&signature=${signature}`;
}
