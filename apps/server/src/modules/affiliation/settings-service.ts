import { randomBytes } from 'node:crypto';
import type { Locale } from '@souk/contracts/locales';
import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { problem } from './problems.ts';
import { affiliationMerchantSettings, affiliationProductSettings } from './schema.ts';

export type MerchantSettingsRow = typeof affiliationMerchantSettings.$inferSelect;
export type ProductSettingsRow = typeof affiliationProductSettings.$inferSelect;

/** A merchant's attribution window, hold period and pixel key; per-product auto-approval and bounds. */
export class SettingsService {
  constructor(private readonly db: Database) {}

  /** The team's settings, created with the defaults on first need. */
  async merchant(organizationId: string, executor: Executor = this.db): Promise<MerchantSettingsRow> {
    const [existing] = await executor
      .select()
      .from(affiliationMerchantSettings)
      .where(eq(affiliationMerchantSettings.organizationId, organizationId));
    if (existing) return existing;
    await executor
      .insert(affiliationMerchantSettings)
      .values({ organizationId, pixelKey: `pk_${randomBytes(12).toString('base64url')}` })
      .onConflictDoNothing();
    const [created] = await executor
      .select()
      .from(affiliationMerchantSettings)
      .where(eq(affiliationMerchantSettings.organizationId, organizationId));
    if (!created) throw new Error('merchant settings missing after insert');
    return created;
  }

  async updateMerchant(
    organizationId: string,
    input: { attributionWindowDays?: number | undefined; holdDays?: number | undefined },
  ): Promise<MerchantSettingsRow> {
    await this.merchant(organizationId);
    const [row] = await this.db
      .update(affiliationMerchantSettings)
      .set({
        ...(input.attributionWindowDays === undefined ? {} : { attributionWindowDays: input.attributionWindowDays }),
        ...(input.holdDays === undefined ? {} : { holdDays: input.holdDays }),
      })
      .where(eq(affiliationMerchantSettings.organizationId, organizationId))
      .returning();
    return row as MerchantSettingsRow;
  }

  async byPixelKey(pixelKey: string): Promise<MerchantSettingsRow | null> {
    const [row] = await this.db
      .select()
      .from(affiliationMerchantSettings)
      .where(eq(affiliationMerchantSettings.pixelKey, pixelKey));
    return row ?? null;
  }

  async product(productId: string, executor: Executor = this.db): Promise<ProductSettingsRow | null> {
    const [row] = await executor
      .select()
      .from(affiliationProductSettings)
      .where(eq(affiliationProductSettings.productId, productId));
    return row ?? null;
  }

  async updateProduct(
    productId: string,
    organizationId: string,
    input: {
      autoApprove?: boolean | undefined;
      minCommissionMinor?: number | null | undefined;
      maxCommissionMinor?: number | null | undefined;
    },
    locale: Locale,
  ): Promise<ProductSettingsRow> {
    const current = await this.product(productId);
    const next = {
      autoApprove: input.autoApprove ?? current?.autoApprove ?? false,
      minCommissionMinor:
        input.minCommissionMinor === undefined ? (current?.minCommissionMinor ?? null) : input.minCommissionMinor,
      maxCommissionMinor:
        input.maxCommissionMinor === undefined ? (current?.maxCommissionMinor ?? null) : input.maxCommissionMinor,
    };
    if (
      next.minCommissionMinor !== null &&
      next.maxCommissionMinor !== null &&
      next.maxCommissionMinor < next.minCommissionMinor
    ) {
      throw new AppError('validation_failed', undefined, [
        problem(locale, 'body.maxCommissionMinor', 'cap_below_minimum'),
      ]);
    }
    const [row] = await this.db
      .insert(affiliationProductSettings)
      .values({ productId, organizationId, ...next })
      .onConflictDoUpdate({ target: affiliationProductSettings.productId, set: { ...next, updatedAt: new Date() } })
      .returning();
    return row as ProductSettingsRow;
  }
}
