import type { Locale } from '@souk/contracts/locales';
import { orderPagePath } from '@souk/contracts/payments';
import type { Executor } from '../../platform/db/database.ts';
import { formatMoney } from '../../platform/documents/money-format.ts';
import type { OrderAccessTokens } from './access-tokens.ts';
import { fill, mailCopy } from './mail-copy.ts';
import type { OrderBundle, RefundRow, VoucherRow } from './order-records.ts';
import type { Mailer, PeopleDirectory, TeamDirectory } from './ports.ts';
import { formatVoucherCode } from './voucher-codes.ts';
import { renderVoucherPdf } from './voucher-pdf.ts';

/** The checkout's mails, queued in the caller's transaction (they go out only if it commits). */
export class OrderMails {
  constructor(
    private readonly deps: {
      mail: Mailer;
      publicUrl: string;
      tokens: OrderAccessTokens;
      teams: Pick<TeamDirectory, 'namesOf' | 'managerIdsOf'>;
      people: PeopleDirectory;
    },
  ) {}

  private orderUrl(bundle: OrderBundle): string {
    return `${this.deps.publicUrl}${orderPagePath(bundle.order.id, this.deps.tokens.issue(bundle.order.id))}`;
  }

  /** Read before the caller's transaction: on PGlite a read outside it would wait for it. */
  async merchantName(organizationId: string): Promise<string> {
    return (await this.deps.teams.namesOf([organizationId])).get(organizationId) ?? '';
  }

  private dealFacts(bundle: OrderBundle, locale: Locale, merchant: string) {
    const words = mailCopy[locale].facts;
    const item = bundle.items[0];
    const expires = item?.expiresAt
      ? item.expiresAt.toLocaleDateString(locale === 'ar' ? 'ar-MA' : locale === 'en' ? 'en-GB' : 'fr-FR', {
          timeZone: 'Africa/Casablanca',
        })
      : words.noExpiry;
    return [
      { label: words.order, value: bundle.order.reference },
      { label: words.deal, value: item?.title ?? '' },
      { label: words.quantity, value: String(item?.quantity ?? 0) },
      { label: words.total, value: formatMoney(bundle.order.totalMinor, bundle.order.currency, locale) },
      { label: words.merchant, value: merchant },
      ...(item?.address ? [{ label: words.address, value: item.address }] : []),
      { label: words.expires, value: expires },
      ...(item?.conditions ? [{ label: words.conditions, value: item.conditions }] : []),
    ];
  }

  async confirmation(tx: Executor, bundle: OrderBundle, merchant: string): Promise<void> {
    const locale = bundle.order.locale;
    const copy = mailCopy[locale];
    const deal = bundle.items[0]?.title ?? '';
    const pdf = await renderVoucherPdf(bundle, { locale, merchantName: merchant, publicUrl: this.deps.publicUrl });
    await this.deps.mail.send({
      to: bundle.order.buyerEmail,
      template: 'order-confirmation',
      locale,
      executor: tx,
      attachments: [{ filename: `souk-${bundle.order.reference}.pdf`, contentType: 'application/pdf', content: pdf }],
      data: {
        subject: fill(copy.confirmation.subject, { reference: bundle.order.reference }),
        heading: fill(copy.confirmation.heading, { name: bundle.order.buyerName }),
        paragraphs: [
          fill(copy.confirmation.intro, { deal }),
          ...(bundle.order.gatewayTest ? [copy.facts.test] : []),
          copy.confirmation.pdf,
        ],
        facts: this.dealFacts(bundle, locale, merchant),
        codes: {
          title: copy.confirmation.codes,
          items: bundle.vouchers.map((voucher) => formatVoucherCode(voucher.code)),
        },
        action: { url: this.orderUrl(bundle), label: copy.confirmation.action },
        reason: copy.buyerReason,
      },
    });
  }

  async paymentFailed(tx: Executor, bundle: OrderBundle): Promise<void> {
    const locale = bundle.order.locale;
    const copy = mailCopy[locale];
    const item = bundle.items[0];
    await this.deps.mail.send({
      to: bundle.order.buyerEmail,
      template: 'payment-failed',
      locale,
      executor: tx,
      data: {
        subject: fill(copy.failed.subject, { reference: bundle.order.reference }),
        heading: copy.failed.heading,
        paragraphs: [
          fill(copy.failed.intro, { deal: item?.title ?? '', message: bundle.order.lastPaymentError ?? '-' }),
        ],
        facts: [],
        action: { url: `${this.deps.publicUrl}/p/${item?.slug ?? ''}`, label: copy.failed.action },
        reason: copy.buyerReason,
      },
    });
  }

  async refundProcessed(tx: Executor, bundle: OrderBundle, refund: RefundRow): Promise<void> {
    const locale = bundle.order.locale;
    const copy = mailCopy[locale];
    await this.deps.mail.send({
      to: bundle.order.buyerEmail,
      template: 'refund-processed',
      locale,
      executor: tx,
      data: {
        subject: fill(copy.refund.subject, { reference: bundle.order.reference }),
        heading: copy.refund.heading,
        paragraphs: [
          fill(copy.refund.intro, {
            amount: formatMoney(refund.amountMinor, bundle.order.currency, locale),
            deal: bundle.items[0]?.title ?? '',
          }),
          copy.refund.vouchers,
        ],
        facts: [
          { label: copy.facts.order, value: bundle.order.reference },
          { label: copy.facts.amount, value: formatMoney(refund.amountMinor, bundle.order.currency, locale) },
          { label: copy.facts.reason, value: refund.reason },
        ],
        action: { url: this.orderUrl(bundle), label: copy.refund.action },
        reason: copy.buyerReason,
      },
    });
  }

  async voucherRedeemed(tx: Executor, bundle: OrderBundle, voucher: VoucherRow, merchant: string): Promise<void> {
    const locale = bundle.order.locale;
    const copy = mailCopy[locale];
    const date = (voucher.redeemedAt ?? new Date()).toLocaleString(
      locale === 'ar' ? 'ar-MA' : locale === 'en' ? 'en-GB' : 'fr-FR',
      {
        timeZone: 'Africa/Casablanca',
        dateStyle: 'medium',
        timeStyle: 'short',
      },
    );
    const code = formatVoucherCode(voucher.code);
    await this.deps.mail.send({
      to: bundle.order.buyerEmail,
      template: 'voucher-redeemed',
      locale,
      executor: tx,
      data: {
        subject: fill(copy.redeemed.subject, { code }),
        heading: copy.redeemed.heading,
        paragraphs: [fill(copy.redeemed.intro, { code, deal: bundle.items[0]?.title ?? '', merchant, date })],
        facts: [],
        action: { url: this.orderUrl(bundle), label: copy.redeemed.action },
        reason: copy.buyerReason,
      },
    });
  }

  /** To the team's owner and admins, each in their own language. */
  async merchantNewOrder(tx: Executor, bundle: OrderBundle, merchant: string): Promise<void> {
    const managers = await this.deps.teams.managerIdsOf(bundle.order.organizationId, tx);
    for (const managerId of managers) {
      const contact = await this.deps.people.getContact(managerId, { executor: tx });
      if (!contact) continue;
      const locale: Locale = contact.locale === 'en' || contact.locale === 'ar' ? contact.locale : 'fr';
      const copy = mailCopy[locale];
      const item = bundle.items[0];
      await this.deps.mail.send({
        to: contact.email,
        template: 'merchant-new-order',
        locale,
        executor: tx,
        data: {
          subject: fill(copy.merchant.subject, { reference: bundle.order.reference, deal: item?.title ?? '' }),
          heading: copy.merchant.heading,
          paragraphs: [
            fill(copy.merchant.intro, {
              name: bundle.order.buyerName,
              quantity: item?.quantity ?? 0,
              deal: item?.title ?? '',
              total: formatMoney(bundle.order.totalMinor, bundle.order.currency, locale),
            }),
            ...(bundle.order.gatewayTest ? [copy.facts.test] : []),
          ],
          facts: this.dealFacts(bundle, locale, merchant),
          action: { url: `${this.deps.publicUrl}/merchant/orders/${bundle.order.id}`, label: copy.merchant.action },
          reason: copy.merchantReason,
        },
      });
    }
  }
}
