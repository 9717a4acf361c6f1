import type { Locale } from '@souk/contracts/locales';

/** Printed labels. The PDF's standard font is Latin-only: Arabic readers get French labels (decision 022). */
export interface PdfLabels {
  invoice: string;
  creditNote: string;
  number: string;
  date: string;
  seller: string;
  buyer: string;
  taxId: string;
  ice: string;
  professionalTax: string;
  tradeRegister: string;
  description: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  subtotal: string;
  vat: string;
  total: string;
  paymentMethod: string;
  paidOn: string;
  dueBy: string;
  payAt: string;
  credits: string;
  methods: Record<string, string>;
}

const methodsFr = {
  card: 'Carte bancaire',
  card_stripe: 'Carte bancaire (Stripe)',
  card_cmi: 'Carte bancaire (CMI)',
  bank_transfer: 'Virement bancaire',
  balance_offset: 'Compensation sur reversement',
  none: '-',
};

export const pdfLabels: Record<'fr' | 'en', PdfLabels> = {
  fr: {
    invoice: 'FACTURE',
    creditNote: 'AVOIR',
    number: 'N°',
    date: 'Date',
    seller: 'Vendeur',
    buyer: 'Client',
    taxId: 'IF',
    ice: 'ICE',
    professionalTax: 'Taxe professionnelle',
    tradeRegister: 'RC',
    description: 'Désignation',
    quantity: 'Qté',
    unitPrice: 'PU HT',
    amount: 'Montant HT',
    subtotal: 'Total HT',
    vat: 'TVA {rate} %',
    total: 'Total TTC',
    paymentMethod: 'Mode de paiement',
    paidOn: 'Payée le {date}',
    dueBy: 'À payer avant le {date}',
    payAt: 'Paiement en ligne : {url}',
    credits: 'Avoir sur la facture {number}',
    methods: methodsFr,
  },
  en: {
    invoice: 'INVOICE',
    creditNote: 'CREDIT NOTE',
    number: 'No.',
    date: 'Date',
    seller: 'Seller',
    buyer: 'Customer',
    taxId: 'IF (tax id)',
    ice: 'ICE',
    professionalTax: 'Business tax (TP)',
    tradeRegister: 'Trade register',
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit excl. VAT',
    amount: 'Amount excl. VAT',
    subtotal: 'Total excl. VAT',
    vat: 'VAT {rate}%',
    total: 'Total incl. VAT',
    paymentMethod: 'Payment method',
    paidOn: 'Paid on {date}',
    dueBy: 'Due by {date}',
    payAt: 'Pay online: {url}',
    credits: 'Credit note for invoice {number}',
    methods: {
      card: 'Card',
      card_stripe: 'Card (Stripe)',
      card_cmi: 'Card (CMI)',
      bank_transfer: 'Bank transfer',
      balance_offset: 'Offset against a payout',
      none: '-',
    },
  },
};

/** The words of the mail that carries the PDF; `{x}` are filled in by invoice-delivery.ts. */
export interface InvoiceMailCopy {
  invoiceSubject: string;
  creditNoteSubject: string;
  heading: string;
  paidIntro: string;
  dueIntro: string;
  creditIntro: string;
  attached: string;
  pay: string;
  view: string;
  facts: { number: string; date: string; total: string; dueBy: string };
  reason: string;
}

export const invoiceMailCopy: Record<Locale, InvoiceMailCopy> = {
  fr: {
    invoiceSubject: 'Votre facture Souk {number}',
    creditNoteSubject: 'Votre avoir Souk {number}',
    heading: 'Bonjour {name}',
    paidIntro: 'Voici votre facture {number} d’un montant de {total}, payée. Merci !',
    dueIntro: 'Voici votre facture {number} d’un montant de {total}, à régler avant le {date}.',
    creditIntro: 'Voici votre avoir {number} de {total} sur la facture {invoice}.',
    attached: 'Le document est joint en PDF ; il reste disponible dans votre espace Souk.',
    pay: 'Payer la facture',
    view: 'Voir mes factures',
    facts: { number: 'Numéro', date: 'Date', total: 'Total TTC', dueBy: 'Échéance' },
    reason: 'Vous recevez ce message car vous avez un compte Souk et ce document vous est adressé.',
  },
  en: {
    invoiceSubject: 'Your Souk invoice {number}',
    creditNoteSubject: 'Your Souk credit note {number}',
    heading: 'Hello {name}',
    paidIntro: 'Here is your invoice {number} for {total}, paid. Thank you!',
    dueIntro: 'Here is your invoice {number} for {total}, due by {date}.',
    creditIntro: 'Here is your credit note {number} for {total} on invoice {invoice}.',
    attached: 'The document is attached as a PDF; it also stays in your Souk account.',
    pay: 'Pay the invoice',
    view: 'See my invoices',
    facts: { number: 'Number', date: 'Date', total: 'Total incl. VAT', dueBy: 'Due by' },
    reason: 'You receive this message because you have a Souk account and this document is addressed to you.',
  },
  ar: {
    invoiceSubject: 'فاتورتك من سوق {number}',
    creditNoteSubject: 'إشعارك الدائن من سوق {number}',
    heading: 'مرحبًا {name}',
    paidIntro: 'إليك فاتورتك {number} بمبلغ {total}، مؤداة. شكرًا لك!',
    dueIntro: 'إليك فاتورتك {number} بمبلغ {total}، يجب أداؤها قبل {date}.',
    creditIntro: 'إليك إشعارك الدائن {number} بمبلغ {total} على الفاتورة {invoice}.',
    attached: 'الوثيقة مرفقة بصيغة PDF، وتبقى متاحة في حسابك على سوق.',
    pay: 'أداء الفاتورة',
    view: 'عرض فواتيري',
    facts: { number: 'الرقم', date: 'التاريخ', total: 'المجموع مع الضريبة', dueBy: 'تاريخ الاستحقاق' },
    reason: 'تتلقى هذه الرسالة لأن لديك حسابًا على سوق وهذه الوثيقة موجهة إليك.',
  },
};

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}
