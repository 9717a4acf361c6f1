import type { CommissionView, ConversionResult } from '@souk/contracts/affiliation';
import type { Currency } from '@souk/contracts/catalog';
import type { PeopleDirectory, ProductDirectory } from './ports.ts';
import type { affiliationCommissions, affiliationConversions } from './schema.ts';

export type CommissionRow = typeof affiliationCommissions.$inferSelect;
export type ConversionRow = typeof affiliationConversions.$inferSelect;

/** Turns rows into the API's shapes, with product titles and influencer names looked up in bulk. */
export class CommissionPresenter {
  constructor(
    private readonly products: ProductDirectory,
    private readonly people: PeopleDirectory,
  ) {}

  async commissions(rows: { commission: CommissionRow; orderRef: string }[]): Promise<CommissionView[]> {
    const products = await this.products.findMany(rows.map((row) => row.commission.productId));
    const names = new Map<string, string>();
    for (const id of new Set(rows.map((row) => row.commission.influencerId))) {
      names.set(id, (await this.people.getContact(id))?.name ?? '—');
    }
    return rows.map(({ commission, orderRef }) => ({
      id: commission.id,
      status: commission.status,
      amountMinor: commission.amountMinor,
      originalAmountMinor: commission.originalAmountMinor,
      currency: commission.currency as Currency,
      rule: commission.rule,
      onHold: commission.onHold,
      fraudSignals: commission.fraudSignals,
      rejectionReason: commission.rejectionReason,
      approvableAt: commission.approvableAt.toISOString(),
      approvedAt: commission.approvedAt?.toISOString() ?? null,
      reversedAt: commission.reversedAt?.toISOString() ?? null,
      conversionId: commission.conversionId,
      orderRef,
      productId: commission.productId,
      productTitle: products.get(commission.productId)?.title ?? '—',
      linkId: commission.linkId,
      influencerId: commission.influencerId,
      influencerName: names.get(commission.influencerId) ?? '—',
      organizationId: commission.organizationId,
      createdAt: commission.createdAt.toISOString(),
    }));
  }

  async conversion(conversion: ConversionRow, commission: CommissionRow | null): Promise<ConversionResult> {
    const [view] = commission ? await this.commissions([{ commission, orderRef: conversion.orderRef }]) : [];
    return {
      conversionId: conversion.id,
      orderRef: conversion.orderRef,
      amount: conversion.amountMinor,
      refundedAmount: conversion.refundedMinor,
      currency: conversion.currency as Currency,
      attributed: conversion.linkId !== null,
      commission: view ?? null,
    };
  }
}
