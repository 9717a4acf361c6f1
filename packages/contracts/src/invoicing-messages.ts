import type { Locale } from './locales.ts';

/** Problems the invoicing module reports, translated; the web shows the same words. */
export type InvoicingProblem =
  | 'invoice_lines_invalid'
  | 'invoice_amount_not_integer'
  | 'buyer_ice_invalid'
  | 'credit_note_needs_invoice'
  | 'credit_note_mismatch'
  | 'credit_note_exceeds_invoice'
  | 'invoice_not_due'
  | 'invoice_pdf_not_ready';

export const invoicingProblemMessages: Record<Locale, Record<InvoicingProblem, string>> = {
  fr: {
    invoice_lines_invalid: 'Une facture a au moins une ligne, avec une quantité entière positive et un libellé.',
    invoice_amount_not_integer: 'Les montants sont en centimes entiers : une fraction de centime est impossible.',
    buyer_ice_invalid: 'L’ICE de l’acheteur n’est pas valide (15 chiffres, clé de contrôle).',
    credit_note_needs_invoice: 'Un avoir se rapporte à une facture existante.',
    credit_note_mismatch: 'Un avoir a le même acheteur et la même devise que la facture qu’il annule.',
    credit_note_exceeds_invoice: 'Les avoirs ne peuvent pas dépasser le total de la facture.',
    invoice_not_due: 'Cette facture n’est pas en attente de paiement.',
    invoice_pdf_not_ready: 'Le PDF de cette facture est en cours de création : réessayez dans un instant.',
  },
  en: {
    invoice_lines_invalid: 'An invoice has at least one line, each with a description and a positive whole quantity.',
    invoice_amount_not_integer: 'Amounts are whole centimes: a fraction of a centime is impossible.',
    buyer_ice_invalid: 'The buyer’s ICE is not valid (15 digits, check key).',
    credit_note_needs_invoice: 'A credit note refers to an existing invoice.',
    credit_note_mismatch: 'A credit note has the same buyer and currency as the invoice it credits.',
    credit_note_exceeds_invoice: 'Credit notes cannot exceed the invoice’s total.',
    invoice_not_due: 'This invoice is not waiting for payment.',
    invoice_pdf_not_ready: 'This invoice’s PDF is being created: try again in a moment.',
  },
  ar: {
    invoice_lines_invalid: 'تتضمن الفاتورة سطرًا واحدًا على الأقل، بوصف وكمية صحيحة موجبة.',
    invoice_amount_not_integer: 'المبالغ بالسنتيمات الكاملة: لا يمكن استعمال جزء من السنتيم.',
    buyer_ice_invalid: 'المعرف الموحد للمقاولة (ICE) للمشتري غير صالح (15 رقمًا مع مفتاح التحقق).',
    credit_note_needs_invoice: 'الإشعار الدائن يتعلق بفاتورة موجودة.',
    credit_note_mismatch: 'للإشعار الدائن نفس المشتري ونفس العملة مثل الفاتورة التي يلغيها.',
    credit_note_exceeds_invoice: 'لا يمكن أن تتجاوز الإشعارات الدائنة مجموع الفاتورة.',
    invoice_not_due: 'هذه الفاتورة ليست في انتظار الأداء.',
    invoice_pdf_not_ready: 'ملف PDF لهذه الفاتورة قيد الإنشاء: أعد المحاولة بعد لحظة.',
  },
};
