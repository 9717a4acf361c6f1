import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';

describe('admin finance', () => {
  let test: TestApp;
  let admin: TestUser;
  let merchant: TestUser;

  beforeAll(async () => {
    test = await buildTestApp();
    admin = await createTestUser(test, { role: 'admin', locale: 'en' });
    merchant = await createTestUser(test, { accountType: 'merchant', locale: 'en' });
    const { ledger } = test.runtime.services.ledger;
    const db = test.runtime.database.db;
    // January: a subscription paid by card (299.00 + 59.80 VAT) and the gateway's fee on it.
    await ledger.post(db, {
      kind: 'subscription.paid',
      reference: 'inv-1',
      memo: '=HYPERLINK("http://evil")',
      occurredAt: new Date('2026-01-15T10:00:00Z'),
      entries: [
        { account: 'gateway_clearing', amountMinor: 35_880, currency: 'MAD' },
        { account: 'platform_revenue', amountMinor: -29_900, currency: 'MAD' },
        { account: 'vat_payable', amountMinor: -5_980, currency: 'MAD' },
      ],
    });
    await ledger.post(db, {
      kind: 'gateway.fee',
      reference: 'inv-1',
      occurredAt: new Date('2026-01-15T10:00:00Z'),
      entries: [
        { account: 'gateway_fees', amountMinor: 897, currency: 'MAD' },
        { account: 'gateway_clearing', amountMinor: -897, currency: 'MAD' },
      ],
    });
    // February: a settlement fee (50.00 + 10.00 VAT) and VAT paid over to the state (not "collected").
    await ledger.post(db, {
      kind: 'settlement.fee',
      reference: 'settlement-1',
      occurredAt: new Date('2026-02-28T23:30:00Z'),
      entries: [
        { account: 'merchant_payable', ownerId: 'org-1', amountMinor: 6_000, currency: 'MAD' },
        { account: 'platform_revenue', amountMinor: -5_000, currency: 'MAD' },
        { account: 'vat_payable', amountMinor: -1_000, currency: 'MAD' },
      ],
    });
    await ledger.post(db, {
      kind: 'vat.remitted',
      reference: '2026-01',
      occurredAt: new Date('2026-02-20T09:00:00Z'),
      entries: [
        { account: 'vat_payable', amountMinor: 5_980, currency: 'MAD' },
        { account: 'bank', amountMinor: -5_980, currency: 'MAD' },
      ],
    });
    // Outside the range asked below.
    await ledger.post(db, {
      kind: 'subscription.paid',
      reference: 'inv-0',
      occurredAt: new Date('2025-12-31T23:00:00Z'),
      entries: [
        { account: 'gateway_clearing', amountMinor: 1_200, currency: 'MAD' },
        { account: 'platform_revenue', amountMinor: -1_000, currency: 'MAD' },
        { account: 'vat_payable', amountMinor: -200, currency: 'MAD' },
      ],
    });
  });
  afterAll(() => test.close());

  it('sums revenue, VAT collected and gateway fees by month, from the ledger', async () => {
    const response = await call(test, admin, 'GET', '/api/v1/admin/finance/summary?from=2026-01-01&to=2026-02-28');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      from: '2026-01-01',
      to: '2026-02-28',
      months: [
        {
          month: '2026-01',
          currency: 'MAD',
          platformRevenueMinor: 29_900,
          vatCollectedMinor: 5_980,
          gatewayFeesMinor: 897,
        },
        {
          month: '2026-02',
          currency: 'MAD',
          platformRevenueMinor: 5_000,
          vatCollectedMinor: 1_000,
          gatewayFeesMinor: 0,
        },
      ],
      totals: [{ currency: 'MAD', platformRevenueMinor: 34_900, vatCollectedMinor: 6_980, gatewayFeesMinor: 897 }],
    });
    const bad = await call(test, admin, 'GET', '/api/v1/admin/finance/summary?from=2026-03-01&to=2026-02-01');
    expect(bad.statusCode).toBe(422);
    expect((await call(test, admin, 'GET', '/api/v1/admin/finance/summary?from=March')).statusCode).toBe(422);
  });

  it('exports the journal: one line per entry, debit or credit, formulas neutralised', async () => {
    const response = await call(test, admin, 'GET', '/api/v1/admin/finance/journal.csv?from=2026-01-01&to=2026-02-28');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('souk-journal-2026-01-01-2026-02-28.csv');
    const lines = response.body.trim().split('\n');
    expect(lines[0]).toBe('date,transaction_id,kind,reference,memo,account,owner_id,currency,debit,credit');
    expect(lines).toHaveLength(1 + 3 + 2 + 3 + 2);
    expect(lines.find((line) => line.includes('subscription.paid,inv-1') && line.includes('gateway_clearing'))).toMatch(
      /^2026-01-15T10:00:00.000Z,[0-9a-f-]{36},subscription.paid,inv-1,"'=HYPERLINK\(""http:\/\/evil""\)",gateway_clearing,,MAD,358.80,$/,
    );
    expect(lines.some((line) => line.endsWith(',platform_revenue,,MAD,,299.00'))).toBe(true);
    expect(lines.some((line) => line.includes(',merchant_payable,org-1,MAD,60.00,'))).toBe(true);
    expect(lines.some((line) => line.includes('inv-0'))).toBe(false);
    // Debits equal credits in the export too.
    const cents = (value: string | undefined) => Math.round(Number(value || 0) * 100);
    const [debits, credits] = lines.slice(1).reduce(
      ([d, c], line) => {
        const cells = line.split(',');
        return [d + cents(cells.at(-2)), c + cents(cells.at(-1))];
      },
      [0, 0],
    );
    expect(debits).toBe(credits);
  });

  it('proves the ledger balances', async () => {
    const response = await call(test, admin, 'GET', '/api/v1/admin/ledger/check');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, unbalanced: [], totals: [{ currency: 'MAD', sumMinor: 0 }] });
    expect(response.json().transactions).toBe(5);
  });

  it('is for platform admins only', async () => {
    for (const url of [
      '/api/v1/admin/finance/summary',
      '/api/v1/admin/finance/journal.csv',
      '/api/v1/admin/ledger/check',
    ]) {
      expect((await call(test, merchant, 'GET', url)).statusCode).toBe(403);
      expect((await call(test, null, 'GET', url)).statusCode).toBe(401);
      expect((await call(test, admin, 'GET', url)).statusCode).toBe(200);
    }
  });
});
