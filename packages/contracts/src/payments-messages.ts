import type { Locale } from './locales.ts';
import type { RedemptionOutcome } from './payments.ts';

/** Problems the payments module reports itself, translated; the web shows the same words. */
export type PaymentsProblem =
  | 'deal_expired'
  | 'deal_sold_out'
  | 'deal_not_published'
  | 'quantity_below_minimum'
  | 'quantity_above_maximum'
  | 'quantity_above_stock'
  | 'gateway_unavailable'
  | 'phone_invalid'
  | 'idempotency_key_reused'
  | 'order_not_refundable'
  | 'refund_too_large'
  | 'nothing_refundable'
  | 'refund_in_progress'
  | 'gateway_timeout'
  | 'gateway_refused';

export const paymentsProblemMessages: Record<Locale, Record<PaymentsProblem, string>> = {
  fr: {
    deal_expired: 'Cette offre est terminée : elle ne peut plus être achetée.',
    deal_sold_out: 'Cette offre est épuisée.',
    deal_not_published: 'Cette offre n’est pas en vente.',
    quantity_below_minimum: 'La quantité est inférieure au minimum par achat pour cette offre.',
    quantity_above_maximum: 'La quantité dépasse le maximum par achat pour cette offre.',
    quantity_above_stock: 'Il ne reste pas assez d’unités pour cette quantité.',
    gateway_unavailable: 'Ce moyen de paiement n’est pas disponible pour cette offre.',
    phone_invalid: 'Ce numéro de téléphone n’est pas valide.',
    idempotency_key_reused: 'Cette clé d’idempotence a déjà servi pour une autre demande.',
    order_not_refundable: 'Seule une commande payée peut être remboursée.',
    refund_too_large: 'Le remboursement dépasse le montant encore remboursable de la commande.',
    nothing_refundable: 'Il ne reste rien à rembourser : les bons sont utilisés ou déjà remboursés.',
    refund_in_progress:
      'Un remboursement d’un autre montant est déjà en cours pour cette commande : réessayez-le d’abord.',
    gateway_timeout:
      'Le prestataire de paiement n’a pas répondu. Rien n’a été compté deux fois : vous pouvez réessayer sans risque.',
    gateway_refused: 'Le prestataire de paiement a refusé l’opération.',
  },
  en: {
    deal_expired: 'This deal has ended: it can no longer be bought.',
    deal_sold_out: 'This deal is sold out.',
    deal_not_published: 'This deal is not on sale.',
    quantity_below_minimum: 'The quantity is below this deal’s minimum per purchase.',
    quantity_above_maximum: 'The quantity is above this deal’s maximum per purchase.',
    quantity_above_stock: 'There are not enough units left for this quantity.',
    gateway_unavailable: 'This payment method is not available for this deal.',
    phone_invalid: 'This phone number is not valid.',
    idempotency_key_reused: 'This idempotency key was already used for a different request.',
    order_not_refundable: 'Only a paid order can be refunded.',
    refund_too_large: 'The refund is larger than what the order can still refund.',
    nothing_refundable: 'Nothing is left to refund: the vouchers are used or already refunded.',
    refund_in_progress: 'A refund of another amount is already in progress for this order: retry that one first.',
    gateway_timeout: 'The payment provider did not answer. Nothing was counted twice: retrying is safe.',
    gateway_refused: 'The payment provider refused the operation.',
  },
  ar: {
    deal_expired: 'انتهى هذا العرض: لم يعد بالإمكان شراؤه.',
    deal_sold_out: 'نفدت كمية هذا العرض.',
    deal_not_published: 'هذا العرض غير متاح للبيع.',
    quantity_below_minimum: 'الكمية أقل من الحد الأدنى للشراء في هذا العرض.',
    quantity_above_maximum: 'الكمية تتجاوز الحد الأقصى للشراء في هذا العرض.',
    quantity_above_stock: 'لم يتبق عدد كافٍ من الوحدات لهذه الكمية.',
    gateway_unavailable: 'وسيلة الدفع هذه غير متاحة لهذا العرض.',
    phone_invalid: 'رقم الهاتف هذا غير صالح.',
    idempotency_key_reused: 'استُخدم مفتاح عدم التكرار هذا من قبل لطلب مختلف.',
    order_not_refundable: 'لا يمكن استرداد مبلغ إلا لطلب مدفوع.',
    refund_too_large: 'مبلغ الاسترداد يتجاوز ما يمكن استرداده من الطلب.',
    nothing_refundable: 'لم يتبق شيء للاسترداد: القسائم مستعملة أو مستردة من قبل.',
    refund_in_progress: 'هناك استرداد بمبلغ آخر قيد التنفيذ لهذا الطلب: أعد محاولته أولًا.',
    gateway_timeout: 'لم يرد مزود الدفع. لم يُحتسب أي شيء مرتين: يمكنك إعادة المحاولة بأمان.',
    gateway_refused: 'رفض مزود الدفع العملية.',
  },
};

/** What the redemption screen says for each outcome. */
export const redemptionMessages: Record<Locale, Record<RedemptionOutcome, string>> = {
  fr: {
    redeemed: 'Bon validé : vous pouvez servir le client.',
    valid: 'Bon valide, pas encore utilisé.',
    already_redeemed: 'Ce bon a déjà été utilisé.',
    expired: 'Ce bon a expiré.',
    void: 'Ce bon a été annulé (commande remboursée ou annulée).',
    not_paid: 'La commande de ce bon n’est pas payée.',
    other_merchant: 'Ce bon appartient à un autre commerçant.',
    invalid_code: 'Code invalide : vérifiez la saisie (un caractère est probablement erroné).',
    not_found: 'Aucun bon ne porte ce code.',
  },
  en: {
    redeemed: 'Voucher redeemed: you can serve the customer.',
    valid: 'Valid voucher, not used yet.',
    already_redeemed: 'This voucher has already been used.',
    expired: 'This voucher has expired.',
    void: 'This voucher was voided (order refunded or cancelled).',
    not_paid: 'This voucher’s order is not paid.',
    other_merchant: 'This voucher belongs to another merchant.',
    invalid_code: 'Invalid code: check what was typed (a character is probably wrong).',
    not_found: 'No voucher has this code.',
  },
  ar: {
    redeemed: 'تم قبول القسيمة: يمكنك خدمة الزبون.',
    valid: 'قسيمة صالحة، لم تُستعمل بعد.',
    already_redeemed: 'استُعملت هذه القسيمة من قبل.',
    expired: 'انتهت صلاحية هذه القسيمة.',
    void: 'أُلغيت هذه القسيمة (طلب مسترد أو ملغى).',
    not_paid: 'طلب هذه القسيمة غير مدفوع.',
    other_merchant: 'هذه القسيمة تخص تاجرًا آخر.',
    invalid_code: 'رمز غير صالح: تحقق مما كُتب (على الأرجح هناك حرف خاطئ).',
    not_found: 'لا توجد قسيمة بهذا الرمز.',
  },
};
