import { catalogProblemMessages } from '@souk/contracts/catalog-messages';
import { errorTitles } from '@souk/contracts/error-messages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createCategory, dealInput } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';
import { latestMail } from '../../../test/mailbox.ts';
import { catalogReviews } from './schema.ts';

describe('catalog: administration', () => {
  let test: TestApp;
  let admin: TestUser;
  let merchant: TestUser;
  let otherMerchant: TestUser;
  let categoryId: string;

  beforeAll(async () => {
    test = await buildTestApp();
    admin = await createTestUser(test, { role: 'admin' });
    merchant = await createTestUser(test, { accountType: 'merchant', locale: 'fr' });
    otherMerchant = await createTestUser(test, { accountType: 'merchant' });
    categoryId = (await createCategory(test)).id;
  });
  afterAll(() => test.close());

  /** Each team may have 3 live deals before KYC: tests past the third use another team. */
  async function publishedDeal(overrides = {}, owner = merchant) {
    const created = await call(test, owner, 'POST', '/api/v1/products', dealInput(categoryId, overrides));
    expect(created.statusCode, created.body).toBe(201);
    const published = await call(test, owner, 'POST', `/api/v1/products/${created.json().id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    return published.json();
  }

  it('keeps admin routes for admins', async () => {
    for (const user of [merchant, otherMerchant]) {
      expect((await call(test, user, 'GET', '/api/v1/admin/products')).statusCode).toBe(403);
      expect((await call(test, user, 'POST', '/api/v1/admin/categories', {})).statusCode).toBe(403);
    }
    expect((await call(test, null, 'GET', '/api/v1/admin/reviews')).statusCode).toBe(401);
  });

  it('unpublishes with a reason, tells the team by mail and in-app, and holds the deal until released', async () => {
    const deal = await publishedDeal({ title: 'Offre trompeuse' });
    const listed = await call(test, admin, 'GET', '/api/v1/admin/products?q=trompeuse');
    expect(listed.json().items.map((item: { id: string }) => item.id)).toEqual([deal.id]);

    const reason = 'Les photos ne correspondent pas à la prestation.';
    const response = await call(test, admin, 'POST', `/api/v1/admin/products/${deal.id}/unpublish`, { reason });
    expect(response.json()).toMatchObject({ status: 'draft', moderation: { hold: true, reason } });
    expect((await call(test, null, 'GET', `/api/v1/marketplace/products/${deal.slug}`)).statusCode).toBe(404);

    const mail = await latestMail(test, merchant.email, 'notification');
    expect(mail?.subject).toContain('Offre trompeuse');
    expect(mail?.text).toContain(reason);
    const inbox = (await call(test, merchant, 'GET', '/api/v1/notifications')).json();
    expect(inbox.items[0]).toMatchObject({
      event: 'catalog.product_unpublished',
      link: `/merchant/products/${deal.id}`,
    });
    expect(inbox.items[0].body).toContain(reason);

    // Editing does not lift the hold: only an admin does.
    await call(test, merchant, 'PATCH', `/api/v1/products/${deal.id}`, { title: 'Offre corrigée' });
    for (const locale of ['fr', 'en'] as const) {
      const refused = await call(test, merchant, 'POST', `/api/v1/products/${deal.id}/publish`, undefined, locale);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'moderation_hold', title: errorTitles[locale].moderation_hold });
    }
    const held = await call(test, admin, 'GET', '/api/v1/admin/products?onHold=true');
    expect(held.json().items.map((item: { id: string }) => item.id)).toContain(deal.id);

    await call(test, admin, 'POST', `/api/v1/admin/products/${deal.id}/release`);
    const republished = await call(test, merchant, 'POST', `/api/v1/products/${deal.id}/publish`);
    expect(republished.json()).toMatchObject({ status: 'published', moderation: { hold: false } });
  });

  it('approves or refuses featured and deal-of-the-day requests', async () => {
    const asked = await publishedDeal({ title: 'Mise en avant demandée', featuredRequested: true });
    const notAsked = await publishedDeal({ title: 'Rien demandé' });
    expect(asked.featured.state).toBe('requested');

    const queue = (await call(test, admin, 'GET', '/api/v1/admin/products?placementRequested=featured')).json();
    expect(queue.items.map((item: { id: string }) => item.id)).toEqual([asked.id]);
    const featuredBefore = (await call(test, null, 'GET', '/api/v1/marketplace/featured')).json();
    expect(featuredBefore.items).toEqual([]);

    const approved = await call(test, admin, 'POST', `/api/v1/admin/products/${asked.id}/placements/featured`, {
      decision: 'approve',
    });
    expect(approved.json().featured.state).toBe('approved');
    const featured = (await call(test, null, 'GET', '/api/v1/marketplace/featured')).json();
    expect(featured.items.map((item: { id: string }) => item.id)).toEqual([asked.id]);

    const nothingToDecide = await call(
      test,
      admin,
      'POST',
      `/api/v1/admin/products/${notAsked.id}/placements/deal_of_the_day`,
      { decision: 'approve' },
      'fr',
    );
    expect(nothingToDecide.statusCode).toBe(422);
    expect(nothingToDecide.json().errors[0].message).toBe(catalogProblemMessages.fr.placement_not_requested);

    // A merchant asks for deal of the day; the admin refuses; it never shows.
    await call(test, merchant, 'PATCH', `/api/v1/products/${notAsked.id}`, { dealOfTheDayRequested: true });
    const refused = await call(
      test,
      admin,
      'POST',
      `/api/v1/admin/products/${notAsked.id}/placements/deal_of_the_day`,
      {
        decision: 'refuse',
      },
    );
    expect(refused.json().dealOfTheDay.state).toBe('refused');
    // An unrelated edit keeps the refusal; asking again re-opens it.
    const edited = await call(test, merchant, 'PATCH', `/api/v1/products/${notAsked.id}`, {
      title: 'Rien demandé, modifié',
    });
    expect(edited.json().dealOfTheDay.state).toBe('refused');
    expect((await call(test, null, 'GET', '/api/v1/marketplace/deals-of-the-day')).json().items).toEqual([]);
  });

  it('manages categories with translated names, refusing duplicate slugs and deleting only empty ones', async () => {
    const input = {
      slug: 'bien-etre-test',
      icon: 'leaf',
      position: 3,
      names: { fr: 'Bien-être', en: 'Wellness', ar: 'عافية' },
    };
    const created = await call(test, admin, 'POST', '/api/v1/admin/categories', input);
    expect(created.statusCode).toBe(201);
    const duplicate = await call(test, admin, 'POST', '/api/v1/admin/categories', input, 'fr');
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0]).toEqual({ path: 'body.slug', message: catalogProblemMessages.fr.slug_taken });

    const id = created.json().id;
    await call(test, admin, 'PUT', `/api/v1/admin/categories/${id}`, {
      ...input,
      names: { ...input.names, en: 'Well-being' },
    });
    const publicList = (await call(test, null, 'GET', '/api/v1/marketplace/categories?lang=en')).json();
    expect(publicList.items.find((item: { id: string }) => item.id === id)?.name).toBe('Well-being');

    const deal = await publishedDeal({ title: 'Séance de yoga', categoryId: id }, otherMerchant);
    // The renamed category's names are searchable on its deals.
    await call(test, admin, 'PUT', `/api/v1/admin/categories/${id}`, {
      ...input,
      names: { ...input.names, en: 'Mindfulness' },
    });
    const found = (await call(test, null, 'GET', '/api/v1/marketplace/products?q=mindfulness')).json();
    expect(found.items.map((item: { id: string }) => item.id)).toEqual([deal.id]);

    expect((await call(test, admin, 'DELETE', `/api/v1/admin/categories/${id}`)).statusCode).toBe(409);
    const empty = await call(test, admin, 'POST', '/api/v1/admin/categories', { ...input, slug: 'vide' });
    expect((await call(test, admin, 'DELETE', `/api/v1/admin/categories/${empty.json().id}`)).statusCode).toBe(204);
  });

  it('moderates reviews and lets the owning team reply', async () => {
    const owner = await createTestUser(test, { accountType: 'merchant' });
    const deal = await publishedDeal({ title: 'Offre notée' }, owner);
    const db = test.runtime.database.db;
    const [kept, hiddenLater] = await db
      .insert(catalogReviews)
      .values([
        { productId: deal.id, rating: 5, title: 'Top', body: 'Excellent accueil.', authorName: 'Amina' },
        { productId: deal.id, rating: 1, title: 'Insultes', body: 'Texte injurieux.', authorName: 'Troll' },
      ])
      .returning();
    const reviewsUrl = `/api/v1/marketplace/products/${deal.slug}/reviews`;
    expect((await call(test, null, 'GET', reviewsUrl)).json().summary).toEqual({
      average: 3,
      count: 2,
      distribution: { 1: 1, 2: 0, 3: 0, 4: 0, 5: 1 },
    });

    const hidden = await call(test, admin, 'PATCH', `/api/v1/admin/reviews/${hiddenLater?.id}`, { hidden: true });
    expect(hidden.json()).toMatchObject({ hidden: true, productTitle: 'Offre notée' });
    const page = (await call(test, null, 'GET', reviewsUrl)).json();
    expect(page.summary).toMatchObject({ average: 5, count: 1 });
    expect(page.items.map((item: { id: string }) => item.id)).toEqual([kept?.id]);
    const card = (await call(test, null, 'GET', `/api/v1/marketplace/products/${deal.slug}`)).json();
    expect(card.rating).toEqual({ average: 5, count: 1 });

    expect(
      (await call(test, otherMerchant, 'POST', `/api/v1/reviews/${kept?.id}/reply`, { body: 'Pas à moi' })).statusCode,
    ).toBe(404);
    const reply = await call(test, owner, 'POST', `/api/v1/reviews/${kept?.id}/reply`, { body: 'Merci Amina !' });
    expect(reply.json().reply.body).toBe('Merci Amina !');
    expect((await call(test, null, 'GET', reviewsUrl)).json().items[0].reply.body).toBe('Merci Amina !');

    const hiddenList = (await call(test, admin, 'GET', '/api/v1/admin/reviews?hidden=true')).json();
    expect(hiddenList.items.map((item: { id: string }) => item.id)).toEqual([hiddenLater?.id]);
  });
});
