import type { Locale } from '@souk/contracts/locales';
import type { Executor } from '../../platform/db/database.ts';
import { decimalAmount } from './bank-file.ts';
import type { PayoutReader } from './payout-views.ts';
import type { Mailer, PeopleDirectory } from './ports.ts';
import type { payoutLines } from './schema.ts';
import { statementPdf } from './statements.ts';

type LineRow = typeof payoutLines.$inferSelect;

interface Copy {
  subject: string;
  heading: string;
  intro: string;
  statement: string;
  reference: string;
  amount: string;
  rib: string;
  period: string;
  action: string;
  reason: string;
  paid: string;
}

/** The words of the "payout processed" mail; `{x}` are filled in below. */
const copy: Record<Locale, Copy> = {
  fr: {
    subject: 'Votre versement Souk de {amount} est effectué',
    heading: 'Bonjour {name}, votre versement est parti',
    intro:
      'Nous avons viré {amount} sur votre compte pour vos commissions approuvées ({period}). Selon votre banque, le virement apparaît sous un à trois jours ouvrés.',
    statement: 'Le relevé détaillé (offres, commandes, montants) est joint en PDF.',
    reference: 'Référence',
    amount: 'Montant',
    rib: 'RIB',
    period: 'Période',
    action: 'Voir mes versements',
    reason: 'Vous recevez ce message car vous êtes influenceur sur Souk et un versement vous a été fait.',
    paid: 'payé',
  },
  en: {
    subject: 'Your Souk payout of {amount} has been sent',
    heading: 'Hello {name}, your payout is on its way',
    intro:
      'We transferred {amount} to your bank account for your approved commissions ({period}). Depending on your bank it shows within one to three business days.',
    statement: 'The detailed statement (deals, orders, amounts) is attached as a PDF.',
    reference: 'Reference',
    amount: 'Amount',
    rib: 'RIB',
    period: 'Period',
    action: 'See my payouts',
    reason: 'You receive this message because you are an influencer on Souk and a payout was made to you.',
    paid: 'paid',
  },
  ar: {
    subject: 'تم تحويل دفعتك من Souk بقيمة {amount}',
    heading: 'مرحباً {name}، تم إرسال دفعتك',
    intro:
      'حوّلنا {amount} إلى حسابك البنكي مقابل عمولاتك المعتمدة ({period}). حسب بنكك، يظهر التحويل خلال يوم إلى ثلاثة أيام عمل.',
    statement: 'الكشف المفصل (العروض، الطلبات، المبالغ) مرفق بصيغة PDF.',
    reference: 'المرجع',
    amount: 'المبلغ',
    rib: 'رقم الحساب البنكي',
    period: 'الفترة',
    action: 'عرض دفعاتي',
    reason: 'تتلقى هذه الرسالة لأنك مؤثر على Souk وتم تحويل دفعة لك.',
    paid: 'payé',
  },
};

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}

/** The "payout processed" mail, with the statement attached; sent in the transaction that marks the line paid. */
export class PayoutMails {
  constructor(
    private readonly deps: { mail: Mailer; people: PeopleDirectory; reader: PayoutReader; publicUrl: string },
  ) {}

  /** Renders now (reads the catalog), sends later inside the caller's transaction. */
  async prepareProcessed(
    line: LineRow,
    _commissionIds: string[],
    paidAt: Date,
  ): Promise<{ send(tx: Executor): Promise<void> }> {
    const contact = await this.deps.people.getContact(line.influencerId);
    const locale: Locale = contact?.locale ?? 'fr';
    const words = copy[locale];
    const data = await this.deps.reader.statementData({ ...line, status: 'paid', paidAt }, words.paid);
    const pdf = await statementPdf(data, locale);
    const amount = `${decimalAmount(line.amountMinor)} ${line.currency}`;
    return {
      send: async (tx) => {
        if (!contact?.email) return;
        await this.deps.mail.send({
          to: contact.email,
          template: 'payout-processed',
          locale,
          executor: tx,
          attachments: [
            { filename: `souk-statement-${line.reference}.pdf`, contentType: 'application/pdf', content: pdf },
          ],
          data: {
            subject: fill(words.subject, { amount }),
            heading: fill(words.heading, { name: contact.name }),
            paragraphs: [fill(words.intro, { amount, period: data.period }), words.statement],
            facts: [
              { label: words.reference, value: line.reference },
              { label: words.amount, value: amount },
              { label: words.rib, value: data.ribMasked },
              { label: words.period, value: data.period },
            ],
            action: { url: `${this.deps.publicUrl}/influencer/payouts`, label: words.action },
            reason: words.reason,
          },
        });
      },
    };
  }
}
