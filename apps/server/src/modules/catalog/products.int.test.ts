import { catalogProblemMessages } from '@souk/contracts/catalog-messages';
import { errorTitles } from '@souk/contracts/error-messages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createCategory, dealInput, joinTeam, teamOf } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';

describe('catalog: merchant products', () => {
  let test: TestApp;
  let merchant: TestUser;
  let otherMerchant: TestUser;
  let editor: TestUser;
  let analyst: TestUser;
  let influencer: TestUser;
  let categoryId: string;

  beforeAll(async () => {
    test = await buildTestApp();
    merchant = await createTestUser(test, { accountType: 'merchant' });
    otherMerchant = await createTestUser(test, { accountType: 'merchant' });
    editor = await createTestUser(test, { accountType: 'merchant' });
    analyst = await createTestUser(test, { accountType: 'merchant' });
    influencer = await createTestUser(test, { accountType: 'influencer' });
    // The editor and analyst have teams of their own; they act for the merchant's by naming it.
    await joinTeam(test, merchant, editor, 'editor');
    await joinTeam(test, merchant, analyst, 'analyst');
    categoryId = (await createCategory(test)).id;
  });
  afterAll(() => test.close());

  async function createDeal(overrides = {}, user = merchant) {
    const team = await teamOf(test, merchant);
    const response = await call(
      test,
      user,
      'POST',
      `/api/v1/products?organizationId=${team}`,
      dealInput(categoryId, overrides),
    );
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  it('creates a draft, derives the discount, sanitises the description, publishes and shows it publicly', async () => {
    const created = await createDeal({
      title: 'Hammam et gommage à Fès',
      descriptionHtml:
        '<p onclick="steal()">Détente <strong>totale</strong><script>alert(1)</script> <a href="javascript:alert(1)">x</a> <a href="https://souk.test">site</a></p>',
    });
    expect(created).toMatchObject({ status: 'draft', slug: 'hammam-et-gommage-a-fes', discountPercent: 50 });
    expect(created.descriptionHtml).not.toMatch(/script|onclick|javascript:/);
    expect(created.descriptionHtml).toContain('<strong>totale</strong>');
    expect(created.descriptionHtml).toContain('href="https://souk.test"');

    // Not public while a draft.
    expect((await call(test, null, 'GET', `/api/v1/marketplace/products/${created.slug}`)).statusCode).toBe(404);
    const preview = await call(test, merchant, 'GET', `/api/v1/products/${created.id}/preview`);
    expect(preview.json()).toMatchObject({ status: 'draft', title: 'Hammam et gommage à Fès' });

    const published = await call(test, merchant, 'POST', `/api/v1/products/${created.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published' });
    const page = await call(test, null, 'GET', `/api/v1/marketplace/products/${created.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({
      status: 'published',
      discountPercent: 50,
      merchant: { id: await teamOf(test, merchant), verified: false },
      location: { city: 'Marrakech' },
    });

    const listed = await call(test, merchant, 'GET', '/api/v1/products?status=published');
    expect(listed.json().items.map((item: { id: string }) => item.id)).toContain(created.id);

    const patched = await call(test, editor, 'PATCH', `/api/v1/products/${created.id}`, {
      discountedPriceMinor: 40_000,
    });
    expect(patched.json()).toMatchObject({ discountedPriceMinor: 40_000, discountPercent: 20 });

    const unpublished = await call(test, merchant, 'POST', `/api/v1/products/${created.id}/unpublish`);
    expect(unpublished.json().status).toBe('draft');
    const archived = await call(test, merchant, 'POST', `/api/v1/products/${created.id}/archive`);
    expect(archived.json().status).toBe('archived');
    expect((await call(test, null, 'GET', `/api/v1/marketplace/products/${created.slug}`)).statusCode).toBe(404);
    expect((await call(test, merchant, 'DELETE', `/api/v1/products/${created.id}`)).statusCode).toBe(204);
    expect((await call(test, merchant, 'GET', `/api/v1/products/${created.id}`)).statusCode).toBe(404);
  });

  it('refuses bad input with translated field errors and changes nothing', async () => {
    const deal = await createDeal({ title: 'Offre à protéger' });
    const cases: { body: Record<string, unknown>; path: string; fr?: string; en?: string }[] = [
      {
        body: { discountedPriceMinor: 60_000 },
        path: 'body.discountedPriceMinor',
        fr: catalogProblemMessages.fr.discount_above_original,
        en: catalogProblemMessages.en.discount_above_original,
      },
      { body: { originalPriceMinor: -100 }, path: 'body.originalPriceMinor' },
      { body: { originalPriceMinor: 100.5 }, path: 'body.originalPriceMinor' },
      {
        body: { minPerPurchase: 5, maxPerPurchase: 2 },
        path: 'body.maxPerPurchase',
        fr: catalogProblemMessages.fr.max_below_min,
        en: catalogProblemMessages.en.max_below_min,
      },
      { body: { discountPercent: 90 }, path: '' },
    ];
    for (const entry of cases) {
      for (const locale of ['fr', 'en'] as const) {
        const response = await call(test, merchant, 'PATCH', `/api/v1/products/${deal.id}`, entry.body, locale);
        if (entry.path === '') {
          // The discount is derived: a client cannot set it (unknown keys are dropped, nothing changes).
          expect(response.statusCode).toBe(200);
          expect(response.json().discountPercent).toBe(50);
          continue;
        }
        expect(response.statusCode, JSON.stringify(entry.body)).toBe(422);
        const problem = response.json();
        expect(problem.title).toBe(errorTitles[locale].validation_failed);
        const fieldError = problem.errors.find((error: { path: string }) => error.path === entry.path);
        expect(fieldError, response.body).toBeDefined();
        const expected = entry[locale];
        if (expected) expect(fieldError.message).toBe(expected);
      }
    }
    // Zod's own messages are translated too: French for a fractional amount.
    const fractional = await call(
      test,
      merchant,
      'PATCH',
      `/api/v1/products/${deal.id}`,
      { originalPriceMinor: 1.5 },
      'fr',
    );
    expect(fractional.json().errors[0].message).toMatch(/entier/i);

    const after = (await call(test, merchant, 'GET', `/api/v1/products/${deal.id}`)).json();
    expect(after).toMatchObject({ originalPriceMinor: 50_000, discountedPriceMinor: 25_000, minPerPurchase: 1 });

    // Publishing an offer that already ended.
    const ended = await createDeal({
      title: 'Offre terminée',
      expiresAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    for (const locale of ['fr', 'en'] as const) {
      const response = await call(test, merchant, 'POST', `/api/v1/products/${ended.id}/publish`, undefined, locale);
      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toEqual([
        { path: 'body.expiresAt', message: catalogProblemMessages[locale].expiry_in_past },
      ]);
    }
    expect((await call(test, merchant, 'GET', `/api/v1/products/${ended.id}`)).json().status).toBe('draft');

    // Slug collision: 409 on the slug field, in the caller's language.
    const taken = await call(test, merchant, 'PATCH', `/api/v1/products/${ended.id}`, { slug: deal.slug }, 'fr');
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors).toEqual([{ path: 'body.slug', message: catalogProblemMessages.fr.slug_taken }]);
    const createdTaken = await call(
      test,
      merchant,
      'POST',
      '/api/v1/products',
      dealInput(categoryId, { slug: deal.slug }),
    );
    expect(createdTaken.statusCode).toBe(409);

    // A category that does not exist.
    const unknown = await call(
      test,
      merchant,
      'POST',
      '/api/v1/products',
      dealInput('00000000-0000-4000-8000-000000000000'),
      'fr',
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0]).toEqual({
      path: 'body.categoryId',
      message: catalogProblemMessages.fr.category_unknown,
    });
  });

  it('gives automatic slugs that never collide, and old slugs answer a redirect to the current one', async () => {
    const first = await createDeal({ title: 'Dîner au riad' });
    const second = await createDeal({ title: 'Dîner au riad' });
    expect(first.slug).toBe('diner-au-riad');
    expect(second.slug).toBe('diner-au-riad-2');
    const arabic = await createDeal({ title: 'عشاء في الرياض' });
    expect(arabic.slug).toMatch(/^offre-[0-9a-f]{6}$/);

    await call(test, merchant, 'POST', `/api/v1/products/${first.id}/publish`);
    const renamed = await call(test, merchant, 'PATCH', `/api/v1/products/${first.id}`, {
      slug: 'diner-riad-marrakech',
    });
    expect(renamed.json().slug).toBe('diner-riad-marrakech');
    const old = await call(test, null, 'GET', '/api/v1/marketplace/products/diner-au-riad');
    expect(old.statusCode, old.body).toBe(301);
    expect(old.headers.location).toBe('/api/v1/marketplace/products/diner-riad-marrakech');
    expect(old.json()).toEqual({ redirectTo: 'diner-riad-marrakech' });
    // The old slug stays reserved for the redirect…
    const reuse = await call(test, merchant, 'PATCH', `/api/v1/products/${second.id}`, { slug: 'diner-au-riad' });
    expect(reuse.statusCode).toBe(409);
    // …but the product itself may take it back.
    const back = await call(test, merchant, 'PATCH', `/api/v1/products/${first.id}`, { slug: 'diner-au-riad' });
    expect(back.json().slug).toBe('diner-au-riad');
    expect((await call(test, null, 'GET', '/api/v1/marketplace/products/diner-au-riad')).statusCode).toBe(200);
    expect((await call(test, null, 'GET', '/api/v1/marketplace/products/diner-riad-marrakech')).statusCode).toBe(301);
  });

  it('applies team roles: other teams get 404, editors cannot delete, analysts only read, influencers and anonymous are refused', async () => {
    const deal = await createDeal({ title: 'Offre de l’équipe' });
    const url = `/api/v1/products/${deal.id}`;

    for (const [method, path, body] of [
      ['GET', url, undefined],
      ['PATCH', url, { title: 'Volée' }],
      ['DELETE', url, undefined],
      ['POST', `${url}/publish`, undefined],
      ['GET', `${url}/preview`, undefined],
    ] as const) {
      const response = await call(test, otherMerchant, method, path, body, 'fr');
      expect(response.statusCode, `${method} ${path}`).toBe(404);
      expect(response.json().title).toBe(errorTitles.fr.not_found);
    }

    const editorDelete = await call(test, editor, 'DELETE', url, undefined, 'fr');
    expect(editorDelete.statusCode).toBe(403);
    expect(editorDelete.json().title).toBe(errorTitles.fr.forbidden);
    expect((await call(test, editor, 'PATCH', url, { title: 'Offre modifiée par l’éditeur' })).statusCode).toBe(200);

    expect((await call(test, analyst, 'GET', url)).statusCode).toBe(200);
    expect((await call(test, analyst, 'PATCH', url, { title: 'Pas autorisé' })).statusCode).toBe(403);
    expect((await call(test, analyst, 'POST', `${url}/publish`)).statusCode).toBe(403);
    const team = await teamOf(test, merchant);
    expect(
      (await call(test, analyst, 'POST', `/api/v1/products?organizationId=${team}`, dealInput(categoryId))).statusCode,
    ).toBe(403);

    expect((await call(test, influencer, 'POST', '/api/v1/products', dealInput(categoryId))).statusCode).toBe(403);
    expect((await call(test, influencer, 'GET', url)).statusCode).toBe(404);
    expect((await call(test, null, 'GET', url)).statusCode).toBe(401);
    expect((await call(test, null, 'POST', '/api/v1/products', dealInput(categoryId))).statusCode).toBe(401);

    expect((await call(test, merchant, 'GET', url)).json().title).toBe('Offre modifiée par l’éditeur');
    expect((await call(test, merchant, 'DELETE', url)).statusCode).toBe(204);
  });

  it('limits a team without KYC verification to 3 published deals, with a translated error', async () => {
    const owner = await createTestUser(test, { accountType: 'merchant' });
    const deals = [];
    for (let index = 0; index < 4; index++) {
      const response = await call(
        test,
        owner,
        'POST',
        '/api/v1/products',
        dealInput(categoryId, { title: `Limite ${index}` }),
      );
      deals.push(response.json());
    }
    for (const deal of deals.slice(0, 3)) {
      expect((await call(test, owner, 'POST', `/api/v1/products/${deal.id}/publish`)).statusCode).toBe(200);
    }
    for (const locale of ['fr', 'en', 'ar'] as const) {
      const fourth = await call(test, owner, 'POST', `/api/v1/products/${deals[3].id}/publish`, undefined, locale);
      expect(fourth.statusCode).toBe(403);
      expect(fourth.json()).toMatchObject({
        code: 'deal_limit_reached',
        title: errorTitles[locale].deal_limit_reached,
      });
    }
    expect((await call(test, owner, 'GET', `/api/v1/products/${deals[3].id}`)).json().status).toBe('draft');
    // Unpublishing one frees a place.
    await call(test, owner, 'POST', `/api/v1/products/${deals[0].id}/unpublish`);
    expect((await call(test, owner, 'POST', `/api/v1/products/${deals[3].id}/publish`)).statusCode).toBe(200);
  });

  it('lets a program with an API key read with products:read and write only with products:write', async () => {
    const keys: Record<string, string> = {};
    for (const scopes of [['products:read'], ['products:read', 'products:write']]) {
      const created = await call(test, merchant, 'POST', '/api/v1/api-keys', { name: scopes.join(' '), scopes });
      expect(created.statusCode, created.body).toBe(201);
      keys[scopes.join(' ')] = created.json().key;
    }
    const asKey = (key: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
      test.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${key}` },
        ...(payload ? { payload: payload as Record<string, unknown> } : {}),
      });
    const readKey = keys['products:read'] as string;
    const writeKey = keys['products:read products:write'] as string;
    expect((await asKey(readKey, 'GET', '/api/v1/products')).statusCode).toBe(200);
    expect((await asKey(readKey, 'POST', '/api/v1/products', dealInput(categoryId))).statusCode).toBe(403);
    const created = await asKey(
      writeKey,
      'POST',
      '/api/v1/products',
      dealInput(categoryId, { title: 'Créée par programme' }),
    );
    expect(created.statusCode, created.body).toBe(201);
  });
});
