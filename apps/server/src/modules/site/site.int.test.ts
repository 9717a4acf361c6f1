import { solveChallenge } from 'altcha-lib/v1';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';
import { latestMail, linkIn } from '../../../test/mailbox.ts';
import { siteContactMessages, siteNewsletterSubscriptions } from './schema.ts';

let test: TestApp;
let admin: TestUser;
let member: TestUser;
const origin = 'http://localhost:3000';
let address = 0;
/** Each test speaks from its own IP, so per-IP budgets of one test never touch another. */
const nextIp = () => `10.0.0.${++address}`;

beforeAll(async () => {
  test = await buildTestApp({ env: { CONTACT_CHALLENGE_MAX_NUMBER: '2000', SUPPORT_EMAIL: 'support@souk.example' } });
  admin = await createTestUser(test, { role: 'admin' });
  member = await createTestUser(test);
});
afterAll(async () => {
  await test?.close();
});

async function solvedChallenge(): Promise<string> {
  const response = await test.app.inject({ method: 'GET', url: '/api/v1/site/contact/challenge' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['cache-control']).toBe('no-store');
  const challenge = response.json() as {
    algorithm: string;
    challenge: string;
    salt: string;
    signature: string;
    maxnumber: number;
  };
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber)
    .promise;
  if (!solution) throw new Error('challenge not solved');
  return Buffer.from(JSON.stringify({ ...challenge, number: solution.number })).toString('base64');
}

const contactBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Amina Alaoui',
  email: 'amina@example.com',
  subject: 'partnership',
  message: 'Bonjour, je souhaite proposer un partenariat à votre équipe.',
  ...overrides,
});

async function contactCount(): Promise<number> {
  const [row] = await test.runtime.database.db.select({ n: sql<number>`count(*)::int` }).from(siteContactMessages);
  return row?.n ?? 0;
}

function postContact(payload: Record<string, unknown>, ip = nextIp(), lang = 'fr') {
  return test.app.inject({
    method: 'POST',
    url: '/api/v1/site/contact',
    remoteAddress: ip,
    headers: { 'accept-language': lang },
    payload,
  });
}

describe('public content', () => {
  it('serves the four plans from the one configuration, with quotas and the trial length', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/site/plans' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.trialDays).toBe(14);
    expect(body.plans.map((plan: { id: string }) => plan.id)).toEqual(['free', 'starter', 'pro', 'enterprise']);
    expect(body.plans[3].quotas.publishedDeals).toBeNull();
    expect(body.plans[1].monthlyPriceMinor).toBeGreaterThan(0);
  });

  it('shows published testimonials and FAQ in the request’s language, in order, and hides drafts', async () => {
    await test.runtime.services.site.content.seedDemoContent();
    const draft = await test.runtime.services.site.content.createFaqEntry({
      position: 1,
      published: false,
      translations: {
        fr: { question: 'Brouillon ?', answer: 'Non publié.' },
        en: { question: 'Draft?', answer: 'Not published.' },
        ar: { question: 'مسودة؟', answer: 'غير منشور.' },
      },
    });
    const ar = await test.app.inject({ method: 'GET', url: '/api/v1/site/faq', headers: { 'x-souk-locale': 'ar' } });
    const items = ar.json().items as { id: string; question: string }[];
    expect(items.length).toBe(5);
    expect(items[0]?.question).toBe('كيف يعمل Souk؟');
    expect(items.some((item) => item.id === draft.id)).toBe(false);
    const en = await test.app.inject({
      method: 'GET',
      url: '/api/v1/site/testimonials',
      headers: { 'x-souk-locale': 'en' },
    });
    expect(en.json().items[0].role).toBe('Spa manager, Casablanca');
    // Seeding again adds nothing.
    expect(await test.runtime.services.site.content.seedDemoContent()).toEqual({ testimonials: 0, faq: 0 });
  });

  it('serves robots.txt that keeps crawlers out of private areas and points to the sitemap', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/robots.txt' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain('User-agent: *\nAllow: /');
    for (const path of ['/api/', '/admin', '/dashboard', '/settings'])
      expect(response.body).toContain(`Disallow: ${path}`);
    expect(response.body).toContain('Sitemap: http://localhost:3000/sitemap.xml');
  });
});

describe('contact form', () => {
  it('stores the message, mails support and acknowledges the sender in their language', async () => {
    const before = await contactCount();
    const response = await postContact(
      { ...contactBody({ email: 'sender-en@example.com' }), altcha: await solvedChallenge() },
      nextIp(),
      'en',
    );
    expect(response.statusCode).toBe(202);
    expect(await contactCount()).toBe(before + 1);
    const support = await latestMail(test, 'support@souk.example', 'contact-received');
    expect(support?.text).toContain('sender-en@example.com');
    expect(support?.text).toContain('/admin/messages/');
    const ack = await latestMail(test, 'sender-en@example.com', 'contact-auto-reply');
    expect(ack?.locale).toBe('en');
    expect(ack?.subject).toBe('We have received your message');
  });

  it('refuses a missing, forged or replayed challenge, a filled honeypot and bad fields, storing nothing', async () => {
    const before = await contactCount();
    const missing = await postContact(contactBody(), nextIp(), 'ar');
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('challenge_failed');
    expect(missing.json().title).toContain('فشل');

    const solved = await solvedChallenge();
    const decoded = JSON.parse(Buffer.from(solved, 'base64').toString());
    const wrongNumber = Buffer.from(JSON.stringify({ ...decoded, number: decoded.number + 1 })).toString('base64');
    expect((await postContact({ ...contactBody(), altcha: wrongNumber })).json().code).toBe('challenge_failed');
    expect((await postContact({ ...contactBody(), altcha: 'not base64 json' })).json().code).toBe('challenge_failed');

    const honeypot = await postContact({ ...contactBody(), website: 'http://spam.example', altcha: solved });
    expect(honeypot.statusCode).toBe(422);
    expect(honeypot.json().errors[0]).toEqual({ path: 'body.website', message: 'Ce champ doit rester vide.' });

    const invalid = await postContact({ ...contactBody({ email: 'not-an-email', subject: 'spam' }), altcha: solved });
    expect(invalid.statusCode).toBe(422);
    expect(
      invalid
        .json()
        .errors.map((error: { path: string }) => error.path)
        .sort(),
    ).toEqual(['body.email', 'body.subject']);

    expect((await postContact({ ...contactBody(), altcha: solved })).statusCode).toBe(202);
    const replay = await postContact({ ...contactBody(), altcha: solved });
    expect(replay.statusCode).toBe(422);
    expect(replay.json().code).toBe('challenge_failed');
    expect(await contactCount()).toBe(before + 1);
  });

  it('limits messages per IP', async () => {
    const ip = nextIp();
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await postContact({ ...contactBody(), altcha: await solvedChallenge() }, ip)).statusCode).toBe(202);
    }
    const limited = await postContact({ ...contactBody(), altcha: await solvedChallenge() }, ip);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('admin inbox', () => {
  it('lists, opens, answers by mail and marks handled; non-admins and visitors are refused', async () => {
    await postContact({
      ...contactBody({ email: 'inbox@example.com', name: 'Karim' }),
      altcha: await solvedChallenge(),
    });
    const list = await test.app.inject({
      method: 'GET',
      url: '/api/v1/site/admin/messages?status=unread',
      headers: { cookie: admin.cookie },
    });
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((entry: { email: string }) => entry.email === 'inbox@example.com');
    expect(item.readAt).toBeNull();

    for (const headers of [{ cookie: member.cookie }, {}]) {
      const refused = await test.app.inject({ method: 'GET', url: `/api/v1/site/admin/messages/${item.id}`, headers });
      expect([401, 403]).toContain(refused.statusCode);
      const answer = await test.app.inject({
        method: 'POST',
        url: `/api/v1/site/admin/messages/${item.id}/replies`,
        headers: { ...headers, origin },
        payload: { body: 'Bonjour' },
      });
      expect([401, 403]).toContain(answer.statusCode);
    }

    const opened = await test.app.inject({
      method: 'GET',
      url: `/api/v1/site/admin/messages/${item.id}`,
      headers: { cookie: admin.cookie },
    });
    expect(opened.json().readAt).not.toBeNull();

    const empty = await test.app.inject({
      method: 'POST',
      url: `/api/v1/site/admin/messages/${item.id}/replies`,
      headers: { cookie: admin.cookie, origin },
      payload: { body: '   ' },
    });
    expect(empty.statusCode).toBe(422);

    const answered = await test.app.inject({
      method: 'POST',
      url: `/api/v1/site/admin/messages/${item.id}/replies`,
      headers: { cookie: admin.cookie, origin },
      payload: { body: 'Merci Karim, nous revenons vers vous demain.' },
    });
    expect(answered.statusCode).toBe(201);
    expect(answered.json().replies).toHaveLength(1);
    expect(answered.json().answeredAt).not.toBeNull();
    const mail = await latestMail(test, 'inbox@example.com', 'contact-answer');
    expect(mail?.text).toContain('Merci Karim, nous revenons vers vous demain.');

    const handled = await test.app.inject({
      method: 'PUT',
      url: `/api/v1/site/admin/messages/${item.id}/handled`,
      headers: { cookie: admin.cookie, origin },
      payload: { handled: true },
    });
    expect(handled.json().handledAt).not.toBeNull();
    const open = await test.app.inject({
      method: 'GET',
      url: '/api/v1/site/admin/messages?status=open&limit=100',
      headers: { cookie: admin.cookie },
    });
    expect(open.json().items.some((entry: { id: string }) => entry.id === item.id)).toBe(false);

    const missing = await test.app.inject({
      method: 'POST',
      url: '/api/v1/site/admin/messages/00000000-0000-4000-8000-000000000000/replies',
      headers: { cookie: admin.cookie, origin },
      payload: { body: 'Hello' },
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('home content editing', () => {
  const entry = {
    position: 5,
    published: true,
    translations: {
      fr: { question: 'Question test ?', answer: 'Réponse.' },
      en: { question: 'Test question?', answer: 'Answer.' },
      ar: { question: 'سؤال تجريبي؟', answer: 'جواب.' },
    },
  };

  it('lets an admin create, edit and delete FAQ entries and testimonials; a member cannot', async () => {
    const refused = await test.app.inject({
      method: 'POST',
      url: '/api/v1/site/admin/faq',
      headers: { cookie: member.cookie, origin },
      payload: entry,
    });
    expect(refused.statusCode).toBe(403);

    const incomplete = await test.app.inject({
      method: 'POST',
      url: '/api/v1/site/admin/faq',
      headers: { cookie: admin.cookie, origin },
      payload: { ...entry, translations: { fr: entry.translations.fr } },
    });
    expect(incomplete.statusCode).toBe(422);

    const created = await test.app.inject({
      method: 'POST',
      url: '/api/v1/site/admin/faq',
      headers: { cookie: admin.cookie, origin },
      payload: entry,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const updated = await test.app.inject({
      method: 'PUT',
      url: `/api/v1/site/admin/faq/${id}`,
      headers: { cookie: admin.cookie, origin },
      payload: { ...entry, published: false },
    });
    expect(updated.json().published).toBe(false);
    const removed = await test.app.inject({
      method: 'DELETE',
      url: `/api/v1/site/admin/faq/${id}`,
      headers: { cookie: admin.cookie, origin },
    });
    expect(removed.statusCode).toBe(204);
    const again = await test.app.inject({
      method: 'DELETE',
      url: `/api/v1/site/admin/faq/${id}`,
      headers: { cookie: admin.cookie, origin },
    });
    expect(again.statusCode).toBe(404);

    const testimonial = await test.app.inject({
      method: 'POST',
      url: '/api/v1/site/admin/testimonials',
      headers: { cookie: admin.cookie, origin },
      payload: {
        authorName: 'Omar',
        position: 1,
        published: true,
        translations: {
          fr: { quote: 'Très bien.', role: 'Marchand' },
          en: { quote: 'Very good.', role: 'Merchant' },
          ar: { quote: 'جيد جدًا.', role: 'تاجر' },
        },
      },
    });
    expect(testimonial.statusCode).toBe(201);
    const list = await test.app.inject({
      method: 'GET',
      url: '/api/v1/site/admin/testimonials',
      headers: { cookie: member.cookie },
    });
    expect(list.statusCode).toBe(403);
  });
});

describe('newsletter', () => {
  function subscribe(email: string, ip = nextIp(), lang = 'fr') {
    return test.app.inject({
      method: 'POST',
      url: '/api/v1/site/newsletter/subscriptions',
      remoteAddress: ip,
      headers: { 'accept-language': lang },
      payload: { email },
    });
  }

  async function subscription(email: string) {
    const [row] = await test.runtime.database.db
      .select()
      .from(siteNewsletterSubscriptions)
      .where(eq(siteNewsletterSubscriptions.email, email));
    return row;
  }

  it('confirms by the mailed link only, answers alike whatever the state, and unsubscribes', async () => {
    const email = 'reader@example.com';
    const first = await subscribe('Reader@Example.com', nextIp(), 'en');
    expect(first.statusCode).toBe(202);
    expect((await subscription(email))?.status).toBe('pending');
    const mail = await latestMail(test, email, 'newsletter-confirm');
    expect(mail?.subject).toBe('Confirm your subscription to the Souk newsletter');
    const token = new URL(linkIn(mail?.text ?? '', '/newsletter/confirm')).searchParams.get('token') ?? '';
    const unsubscribeToken =
      new URL(linkIn(mail?.text ?? '', '/newsletter/unsubscribe')).searchParams.get('token') ?? '';

    const forged = await test.app.inject({
      method: 'POST',
      url: '/api/v1/site/newsletter/confirm',
      payload: { token: `${token}x` },
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe('invalid_token');

    for (let click = 0; click < 2; click++) {
      const confirmed = await test.app.inject({
        method: 'POST',
        url: '/api/v1/site/newsletter/confirm',
        payload: { token },
      });
      expect(confirmed.json()).toEqual({ status: 'confirmed' });
    }
    expect((await subscription(email))?.status).toBe('confirmed');

    // Subscribing a confirmed address answers the same and sends nothing.
    const mailsBefore = (await latestMail(test, email, 'newsletter-confirm'))?.id;
    const again = await subscribe(email);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual(first.json());
    expect((await latestMail(test, email, 'newsletter-confirm'))?.id).toBe(mailsBefore);

    const badUnsubscribe = await test.app.inject({
      method: 'POST',
      url: '/api/v1/site/newsletter/unsubscribe',
      payload: { token: `${unsubscribeToken.split('.')[0]}.forged-signature-forged` },
    });
    expect(badUnsubscribe.statusCode).toBe(400);
    const unsubscribed = await test.app.inject({
      method: 'POST',
      url: '/api/v1/site/newsletter/unsubscribe',
      payload: { token: unsubscribeToken },
    });
    expect(unsubscribed.json()).toEqual({ status: 'unsubscribed' });
    expect((await subscription(email))?.status).toBe('unsubscribed');
    // The old confirmation link cannot subscribe the address again.
    const stale = await test.app.inject({ method: 'POST', url: '/api/v1/site/newsletter/confirm', payload: { token } });
    expect(stale.statusCode).toBe(400);
  });

  it('refuses an invalid address and a filled honeypot, and limits mails per address', async () => {
    const invalid = await subscribe('nope', nextIp(), 'ar');
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors[0].path).toBe('body.email');
    const honeypot = await test.app.inject({
      method: 'POST',
      url: '/api/v1/site/newsletter/subscriptions',
      remoteAddress: nextIp(),
      payload: { email: 'bot@example.com', website: 'x' },
    });
    expect(honeypot.statusCode).toBe(422);
    expect(await subscription('bot@example.com')).toBeUndefined();

    for (let attempt = 0; attempt < 3; attempt++) expect((await subscribe('flood@example.com')).statusCode).toBe(202);
    expect((await subscribe('flood@example.com')).statusCode).toBe(429);
  });
});
