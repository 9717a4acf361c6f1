import path from 'node:path';
import { QueueName } from '@souk/contracts/jobs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, rowsOf } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, eventually, type TestApp, type TestUser } from '../../../test/harness.ts';
import { LocalFileStore } from '../../platform/storage/local-file-store.ts';
import { type SmtpTestServer, startSmtpTestServer } from '../messaging/testing/smtp-test-server.ts';
import type { IssueInvoiceInput } from './invoice-issuer.ts';

/** The database's own message for a refused statement (the query builder wraps it). */
async function databaseRefusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? String(error);
  }
  return 'accepted';
}

const year = Number(
  new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'Africa/Casablanca' }).format(new Date()),
);

describe('invoices and credit notes', () => {
  let test: TestApp;
  let smtp: SmtpTestServer;
  let merchant: TestUser;
  let teamId: string;
  const db = () => test.runtime.database.db;
  const invoices = () => test.runtime.services.invoicing.invoices;
  const files = () => new LocalFileStore(path.join(test.runtime.config.DATA_DIR, 'files'));

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    // On PostgreSQL, enough connections for the 20 issues below to really race.
    test = await buildTestApp({
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Souk <no-reply@souk.example>', DATABASE_POOL_SIZE: '24' },
    });
    await db().execute(
      sql`update pgboss.queue set retry_delay = 0, retry_backoff = false where name in (${QueueName.MailSend}, ${QueueName.InvoicingDeliver})`,
    );
    merchant = await createTestUser(test, { accountType: 'merchant', locale: 'fr' });
    const memberships = await test.runtime.services.identity.teams.membershipsOf(merchant.id);
    teamId = memberships[0]?.teamId as string;
  });
  afterAll(async () => {
    await test?.close();
    await smtp?.close();
  });

  const subscription = (sourceId: string, overrides: Partial<IssueInvoiceInput> = {}): IssueInvoiceInput => ({
    type: 'invoice',
    source: { kind: 'subscription_period', id: sourceId },
    buyer: {
      kind: 'organization',
      id: teamId,
      name: 'Café Atlas SARL',
      email: merchant.email,
      address: '5 rue de Fès, Rabat',
      ice: '001536892000031',
      locale: 'fr',
    },
    lines: [{ description: 'Abonnement Pro - 1 mois', quantity: 1, unitAmountMinor: 29_900 }],
    currency: 'MAD',
    paymentMethod: 'card_stripe',
    status: 'paid',
    ...overrides,
  });

  it('numbers 20 concurrent invoices 1..20: no gap, no duplicate; a rolled-back issue leaves no hole', async () => {
    const issued = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        db().transaction((tx) => invoices().issue(tx, subscription(`concurrent-${index}`))),
      ),
    );
    const numbers = issued.map((invoice) => invoice.number).sort();
    expect(numbers).toEqual(
      Array.from({ length: 20 }, (_, index) => `F-${year}-${String(index + 1).padStart(6, '0')}`),
    );
    expect(issued.every((invoice) => invoice.created && invoice.totalMinor === 35_880)).toBe(true);

    await expect(
      db().transaction(async (tx) => {
        await invoices().issue(tx, subscription('rolled-back'));
        throw new Error('payment failed after all');
      }),
    ).rejects.toThrow('payment failed after all');
    const next = await db().transaction((tx) => invoices().issue(tx, subscription('after-rollback')));
    expect(next.number).toBe(`F-${year}-000021`);

    // One document per source: issuing again answers the same invoice and takes no number.
    const again = await db().transaction((tx) => invoices().issue(tx, subscription('after-rollback')));
    expect(again).toMatchObject({ id: next.id, number: next.number, created: false });
    const [counts] = await rowsOf<{ n: number; max: number }>(
      test,
      sql`select count(*)::int as n, max(sequence)::int as max from invoicing_documents where type = 'invoice'`,
    );
    expect(counts).toEqual({ n: 21, max: 21 });
  });

  it('computes VAT once on the subtotal, half-up, in integers; a fraction of a centime is refused', async () => {
    const invoice = await invoices().issue(
      db(),
      subscription('vat-1', {
        lines: [
          { description: 'Commission', quantity: 3, unitAmountMinor: 333 },
          { description: 'Frais', quantity: 1, unitAmountMinor: 3 },
        ],
      }),
    );
    // 1002 × 20 % = 200.4 -> 200.
    expect(invoice).toMatchObject({ subtotalMinor: 1002, vatMinor: 200, totalMinor: 1202 });
    const halfUp = await invoices().issue(
      db(),
      subscription('vat-2', { vatRateBps: 1000, lines: [{ description: 'Frais', quantity: 1, unitAmountMinor: 5 }] }),
    );
    expect(halfUp).toMatchObject({ subtotalMinor: 5, vatMinor: 1, totalMinor: 6 });

    const before = await rowsOf<{ n: number }>(test, sql`select count(*)::int as n from invoicing_documents`);
    await expect(
      invoices().issue(
        db(),
        subscription('fraction', { lines: [{ description: 'Demi-centime', quantity: 1, unitAmountMinor: 10.5 }] }),
      ),
    ).rejects.toMatchObject({ code: 'validation_failed', detail: expect.stringContaining('centimes entiers') });
    await expect(invoices().issue(db(), subscription('no-lines', { lines: [] }))).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(
      invoices().issue(
        db(),
        subscription('bad-ice', { buyer: { ...subscription('x').buyer, ice: '001536892000032' } }),
      ),
    ).rejects.toMatchObject({ detail: expect.stringContaining('ICE') });
    expect(await rowsOf<{ n: number }>(test, sql`select count(*)::int as n from invoicing_documents`)).toEqual(before);
    // Only integers fit in the database too: every amount column is an integer type.
    const columns = await rowsOf<{ column_name: string; data_type: string }>(
      test,
      sql`select column_name, data_type from information_schema.columns
          where table_name in ('invoicing_documents', 'invoicing_lines') and column_name like '%minor'`,
    );
    expect(columns.length).toBe(5);
    expect(new Set(columns.map((column) => column.data_type))).toEqual(new Set(['bigint']));
  });

  it('is immutable once issued: only a due invoice’s payment may be recorded, once', async () => {
    const due = await invoices().issue(
      db(),
      subscription('renewal-1', {
        status: 'due',
        paymentMethod: 'card_cmi',
        dueAt: new Date(Date.now() + 7 * 86_400_000),
        payUrl: 'http://localhost:3000/merchant/billing',
      }),
    );
    for (const statement of [
      sql`update invoicing_documents set total_minor = 1, subtotal_minor = 1, vat_minor = 0 where id = ${due.id}`,
      sql`update invoicing_documents set number = 'F-0000-000000' where id = ${due.id}`,
      sql`update invoicing_documents set buyer_name = 'Someone else' where id = ${due.id}`,
      sql`update invoicing_lines set unit_amount_minor = 1, amount_minor = 1 where document_id = ${due.id}`,
      sql`delete from invoicing_lines where document_id = ${due.id}`,
      sql`insert into invoicing_lines (document_id, position, description, quantity, unit_amount_minor, amount_minor)
          values (${due.id}, 99, 'Ligne ajoutée', 1, 0, 0)`,
      sql`delete from invoicing_documents where id = ${due.id}`,
      sql`update invoicing_counters set last_number = 0`,
    ]) {
      expect(await databaseRefusal(db().execute(statement))).toMatch(/immutable|only moves forward/);
    }
    expect(await invoices().markPaid(db(), due.id, { paymentMethod: 'card_cmi', paidAt: new Date() })).toEqual({
      changed: true,
    });
    expect(await invoices().markPaid(db(), due.id, { paymentMethod: 'card_cmi', paidAt: new Date() })).toEqual({
      changed: false,
    });
    expect(
      await databaseRefusal(
        db().execute(sql`update invoicing_documents set status = 'due', paid_at = null where id = ${due.id}`),
      ),
    ).toMatch(/payment already recorded/);
  });

  it('credits an invoice with credit notes up to its total, never more', async () => {
    const invoice = await invoices().issue(db(), subscription('to-credit'));
    const credit = (id: string, unitAmountMinor: number, overrides: Partial<IssueInvoiceInput> = {}) =>
      invoices().issue(db(), {
        ...subscription(id),
        type: 'credit_note',
        source: { kind: 'refund', id },
        creditedInvoiceId: invoice.id,
        lines: [{ description: 'Remboursement partiel', quantity: 1, unitAmountMinor }],
        ...overrides,
      });
    const first = await credit('refund-1', 10_000);
    expect(first.number).toBe(`AV-${year}-000001`);
    expect(first.totalMinor).toBe(12_000);
    await expect(credit('refund-2', 20_000)).rejects.toMatchObject({
      code: 'conflict',
      detail: expect.stringContaining('dépasser'),
    });
    await expect(credit('refund-3', 100, { currency: 'EUR' })).rejects.toMatchObject({
      detail: expect.stringContaining('même acheteur'),
    });
    await expect(
      invoices().issue(db(), {
        ...subscription('orphan'),
        type: 'credit_note',
        source: { kind: 'refund', id: 'orphan' },
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const rest = await credit('refund-4', 19_900);
    expect(rest.number).toBe(`AV-${year}-000002`);
    expect(first.totalMinor + rest.totalMinor).toBe(invoice.totalMinor);
    await expect(credit('refund-5', 1)).rejects.toMatchObject({ code: 'conflict' });
    const view = await call(test, merchant, 'GET', `/api/v1/invoices/${invoice.id}`);
    expect(view.json().creditedMinor).toBe(invoice.totalMinor);
    const note = await call(test, merchant, 'GET', `/api/v1/invoices/${rest.id}`);
    expect(note.json()).toMatchObject({ type: 'credit_note', creditedInvoiceNumber: invoice.number });
  });

  it('renders the PDF once, stores it, and mails it to the buyer with the PDF attached, once', {
    timeout: 120_000,
  }, async () => {
    const buyerEmail = `finance-${Date.now()}@example.ma`;
    const invoice = await db().transaction((tx) =>
      invoices().issue(tx, subscription('mailed-1', { buyer: { ...subscription('x').buyer, email: buyerEmail } })),
    );
    const stored = await eventually(async () => {
      const [row] = await rowsOf<{ pdf_key: string | null; pdf_stored_at: Date | null; mailed_at: Date | null }>(
        test,
        sql`select pdf_key, pdf_stored_at, mailed_at from invoicing_documents where id = ${invoice.id}`,
      );
      expect(row?.pdf_stored_at).toBeTruthy();
      expect(row?.mailed_at).toBeTruthy();
      return row;
      // Behind the delivery of every invoice issued above, on a busy machine.
    }, 45_000);
    const received = await eventually(async () => {
      const mails = smtp.received.filter((mail) => mail.envelopeTo.includes(buyerEmail));
      expect(mails).toHaveLength(1);
      return mails[0];
    }, 30_000);
    expect(received?.parsed.subject).toBe(`Votre facture Souk ${invoice.number}`);
    const parsed = received?.parsed as unknown as
      | { attachments: { filename: string; contentType: string; content: Buffer }[] }
      | undefined;
    const attachment = parsed?.attachments[0];
    expect(attachment?.filename).toBe(`${invoice.number}.pdf`);
    expect(attachment?.contentType).toBe('application/pdf');
    const file = await files().get(stored?.pdf_key as string);
    expect(file?.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.compare(file as Buffer, attachment?.content as Buffer)).toBe(0);

    // Running the delivery again renders nothing, stores nothing and mails nothing.
    await test.runtime.services.invoicing.delivery.deliver(invoice.id);
    expect(Buffer.compare((await files().get(stored?.pdf_key as string)) as Buffer, file as Buffer)).toBe(0);
    const [after] = await rowsOf<{ pdf_stored_at: Date; mailed_at: Date }>(
      test,
      sql`select pdf_stored_at, mailed_at from invoicing_documents where id = ${invoice.id}`,
    );
    expect(after).toEqual({ pdf_stored_at: stored?.pdf_stored_at, mailed_at: stored?.mailed_at });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(smtp.received.filter((mail) => mail.envelopeTo.includes(buyerEmail))).toHaveLength(1);

    // The buyer's team downloads the very file that was mailed.
    const pdf = await call(test, merchant, 'GET', `/api/v1/invoices/${invoice.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(pdf.rawPayload, file as Buffer)).toBe(0);
  });

  it('shows invoices to their buyer, the buyer’s team and admins only', { timeout: 120_000 }, async () => {
    const influencer = await createTestUser(test, { accountType: 'influencer', locale: 'en' });
    const outsider = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    const admin = await createTestUser(test, { role: 'admin', locale: 'en' });
    const personal = await invoices().issue(db(), {
      ...subscription('personal-1'),
      buyer: { kind: 'user', id: influencer.id, name: 'Salma Benali', email: influencer.email, locale: 'en' },
    });
    const teamInvoice = await invoices().issue(db(), subscription('team-1'));

    const mine = await call(test, influencer, 'GET', '/api/v1/invoices');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((item: { id: string }) => item.id)).toEqual([personal.id]);
    const team = await call(test, merchant, 'GET', `/api/v1/invoices?organizationId=${teamId}&limit=100`);
    expect(team.json().items.map((item: { id: string }) => item.id)).toContain(teamInvoice.id);
    expect(team.json().items.every((item: { buyerId: string }) => item.buyerId === teamId)).toBe(true);

    // Wrong accounts: another team, another person, a non-admin on the admin list, nobody.
    expect((await call(test, outsider, 'GET', `/api/v1/invoices?organizationId=${teamId}`)).statusCode).toBe(404);
    expect((await call(test, outsider, 'GET', `/api/v1/invoices/${teamInvoice.id}`)).statusCode).toBe(404);
    expect((await call(test, outsider, 'GET', `/api/v1/invoices/${teamInvoice.id}/pdf`)).statusCode).toBe(404);
    expect((await call(test, merchant, 'GET', `/api/v1/invoices/${personal.id}`)).statusCode).toBe(404);
    expect((await call(test, influencer, 'GET', `/api/v1/invoices/${teamInvoice.id}/pdf`)).statusCode).toBe(404);
    expect((await call(test, merchant, 'GET', '/api/v1/admin/invoices')).statusCode).toBe(403);
    expect((await call(test, null, 'GET', '/api/v1/invoices')).statusCode).toBe(401);
    expect((await call(test, outsider, 'GET', '/api/v1/invoices')).json().items).toEqual([]);

    const view = await call(test, influencer, 'GET', `/api/v1/invoices/${personal.id}`);
    expect(view.json()).toMatchObject({
      number: personal.number,
      seller: { ice: '001536892000031', taxId: '40123456' },
      buyer: { name: 'Salma Benali' },
      lines: [{ quantity: 1, unitAmountMinor: 29_900, amountMinor: 29_900 }],
      subtotalMinor: 29_900,
      vatMinor: 5_980,
      totalMinor: 35_880,
    });
    const all = await call(test, admin, 'GET', `/api/v1/admin/invoices?buyerId=${influencer.id}`);
    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((item: { id: string }) => item.id)).toEqual([personal.id]);
    expect((await call(test, admin, 'GET', `/api/v1/invoices/${teamInvoice.id}`)).statusCode).toBe(200);
    await eventually(async () => {
      expect((await call(test, admin, 'GET', `/api/v1/invoices/${teamInvoice.id}/pdf`)).statusCode).toBe(200);
    }, 45_000);
  });
});
