import { Readable } from 'node:stream';
import { and, asc, eq, gt, gte, lte, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../platform/db/database.ts';
import { sideCondition } from './commission-service.ts';
import { affiliationClicks, affiliationCommissions, affiliationConversions, affiliationLinks } from './schema.ts';
import type { Side } from './viewer-side.ts';

export interface ExportRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** RFC 4180 field; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(values: unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

const pageSize = 1000;

/**
 * Streams rows page by page (keyset on created_at, id): memory stays flat however large the
 * export, and the response starts before the last page is read.
 */
function streamPages<Row extends { createdAt: Date; id: string }>(
  header: string[],
  readPage: (after: { at: Date; id: string } | null) => Promise<Row[]>,
  toLine: (row: Row) => unknown[],
): Readable {
  async function* lines() {
    yield csvLine(header);
    let after: { at: Date; id: string } | null = null;
    for (;;) {
      const rows = await readPage(after);
      for (const row of rows) yield csvLine(toLine(row));
      const last = rows.at(-1);
      if (rows.length < pageSize || !last) return;
      after = { at: last.createdAt, id: last.id };
    }
  }
  return Readable.from(lines());
}

function keyset(column: AnyPgColumn, idColumn: AnyPgColumn, after: { at: Date; id: string } | null) {
  if (!after) return undefined;
  return or(gt(column, after.at), and(eq(column, after.at), gt(idColumn, after.id)));
}

/** CSV exports of clicks, conversions and commissions, for either side. */
export class CsvExporter {
  constructor(private readonly db: Database) {}

  clicks(side: Side, range: ExportRange): Readable {
    const scope =
      side.kind === 'merchant'
        ? eq(affiliationClicks.organizationId, side.organizationId)
        : eq(affiliationLinks.influencerId, side.influencerId);
    return streamPages(
      ['click_id', 'created_at', 'link_code', 'channel', 'unique', 'device', 'browser', 'os', 'country', 'referrer'],
      (after) =>
        this.db
          .select({
            id: affiliationClicks.id,
            createdAt: affiliationClicks.createdAt,
            code: affiliationLinks.code,
            channel: affiliationLinks.channel,
            isUnique: affiliationClicks.isUnique,
            device: affiliationClicks.device,
            browser: affiliationClicks.browser,
            os: affiliationClicks.os,
            country: affiliationClicks.country,
            referrerHost: affiliationClicks.referrerHost,
          })
          .from(affiliationClicks)
          .innerJoin(affiliationLinks, eq(affiliationLinks.id, affiliationClicks.linkId))
          .where(
            and(
              scope,
              ...rangeOf(affiliationClicks.createdAt, range),
              keyset(affiliationClicks.createdAt, affiliationClicks.id, after),
            ),
          )
          .orderBy(asc(affiliationClicks.createdAt), asc(affiliationClicks.id))
          .limit(pageSize),
      (row) => [
        row.id,
        row.createdAt,
        row.code,
        row.channel,
        row.isUnique,
        row.device,
        row.browser,
        row.os,
        row.country,
        row.referrerHost,
      ],
    );
  }

  conversions(side: Side, range: ExportRange): Readable {
    const scope =
      side.kind === 'merchant'
        ? eq(affiliationConversions.organizationId, side.organizationId)
        : eq(affiliationLinks.influencerId, side.influencerId);
    return streamPages(
      [
        'conversion_id',
        'created_at',
        'order_ref',
        'amount_minor',
        'refunded_minor',
        'currency',
        'source',
        'link_code',
        'signals',
      ],
      (after) =>
        this.db
          .select({
            id: affiliationConversions.id,
            createdAt: affiliationConversions.createdAt,
            orderRef: affiliationConversions.orderRef,
            amount: affiliationConversions.amountMinor,
            refunded: affiliationConversions.refundedMinor,
            currency: affiliationConversions.currency,
            source: affiliationConversions.source,
            code: affiliationLinks.code,
            signals: affiliationConversions.fraudSignals,
          })
          .from(affiliationConversions)
          .leftJoin(affiliationLinks, eq(affiliationLinks.id, affiliationConversions.linkId))
          .where(
            and(
              scope,
              ...rangeOf(affiliationConversions.createdAt, range),
              keyset(affiliationConversions.createdAt, affiliationConversions.id, after),
            ),
          )
          .orderBy(asc(affiliationConversions.createdAt), asc(affiliationConversions.id))
          .limit(pageSize),
      (row) => [
        row.id,
        row.createdAt,
        row.orderRef,
        row.amount,
        row.refunded,
        row.currency,
        row.source,
        row.code,
        row.signals.join(' '),
      ],
    );
  }

  commissions(side: Side, range: ExportRange): Readable {
    return streamPages(
      [
        'commission_id',
        'created_at',
        'status',
        'amount_minor',
        'original_amount_minor',
        'currency',
        'order_ref',
        'influencer_id',
        'product_id',
        'on_hold',
        'signals',
        'approved_at',
        'reversed_at',
        'rejection_reason',
      ],
      (after) =>
        this.db
          .select({
            id: affiliationCommissions.id,
            createdAt: affiliationCommissions.createdAt,
            status: affiliationCommissions.status,
            amount: affiliationCommissions.amountMinor,
            original: affiliationCommissions.originalAmountMinor,
            currency: affiliationCommissions.currency,
            orderRef: affiliationConversions.orderRef,
            influencerId: affiliationCommissions.influencerId,
            productId: affiliationCommissions.productId,
            onHold: affiliationCommissions.onHold,
            signals: affiliationCommissions.fraudSignals,
            approvedAt: affiliationCommissions.approvedAt,
            reversedAt: affiliationCommissions.reversedAt,
            rejectionReason: affiliationCommissions.rejectionReason,
          })
          .from(affiliationCommissions)
          .innerJoin(affiliationConversions, eq(affiliationConversions.id, affiliationCommissions.conversionId))
          .where(
            and(
              sideCondition(side),
              ...rangeOf(affiliationCommissions.createdAt, range),
              keyset(affiliationCommissions.createdAt, affiliationCommissions.id, after),
            ),
          )
          .orderBy(asc(affiliationCommissions.createdAt), asc(affiliationCommissions.id))
          .limit(pageSize),
      (row) => [
        row.id,
        row.createdAt,
        row.status,
        row.amount,
        row.original,
        row.currency,
        row.orderRef,
        row.influencerId,
        row.productId,
        row.onHold,
        row.signals.join(' '),
        row.approvedAt,
        row.reversedAt,
        row.rejectionReason,
      ],
    );
  }
}

function rangeOf(column: AnyPgColumn, range: ExportRange): SQL[] {
  const conditions: SQL[] = [];
  if (range.from) conditions.push(gte(column, new Date(range.from)));
  if (range.to) conditions.push(lte(column, new Date(range.to)));
  return conditions;
}
