import type { Locale } from '@souk/contracts/locales';

/** The words of the checkout's mails; `{x}` are filled in by order-mails.ts. */
export interface MailCopy {
  confirmation: { subject: string; heading: string; intro: string; codes: string; pdf: string; action: string };
  failed: { subject: string; heading: string; intro: string; action: string };
  refund: { subject: string; heading: string; intro: string; vouchers: string; action: string };
  redeemed: { subject: string; heading: string; intro: string; action: string };
  merchant: { subject: string; heading: string; intro: string; action: string };
  facts: {
    order: string;
    deal: string;
    quantity: string;
    total: string;
    merchant: string;
    address: string;
    expires: string;
    conditions: string;
    buyer: string;
    amount: string;
    reason: string;
    noExpiry: string;
    test: string;
  };
  buyerReason: string;
  merchantReason: string;
}

export const mailCopy: Record<Locale, MailCopy> = {
  fr: {
    confirmation: {
      subject: 'Votre commande {reference} est confirmée',
      heading: 'Merci {name}, votre paiement est confirmé',
      intro: 'Voici vos bons pour « {deal} ». Présentez le code (ou son QR code) au commerçant.',
      codes: 'Vos bons',
      pdf: 'Les bons sont aussi joints en PDF, prêts à imprimer ou à montrer sur votre téléphone.',
      action: 'Voir ma commande',
    },
    failed: {
      subject: 'Le paiement de la commande {reference} n’a pas abouti',
      heading: 'Paiement non abouti',
      intro:
        'Le paiement de « {deal} » a été refusé ({message}). Aucun montant n’a été prélevé ; vous pouvez réessayer.',
      action: 'Revenir à l’offre',
    },
    refund: {
      subject: 'Remboursement de votre commande {reference}',
      heading: 'Votre remboursement est en cours',
      intro:
        'Nous avons remboursé {amount} sur votre commande « {deal} ». Selon votre banque, il apparaît sous quelques jours.',
      vouchers: 'Les bons remboursés ne sont plus valables.',
      action: 'Voir ma commande',
    },
    redeemed: {
      subject: 'Votre bon {code} a été utilisé',
      heading: 'Bon utilisé',
      intro:
        'Votre bon {code} pour « {deal} » a été utilisé chez {merchant} le {date}. Si ce n’était pas vous, contactez le support. Vous pouvez maintenant laisser un avis.',
      action: 'Laisser un avis',
    },
    merchant: {
      subject: 'Nouvelle commande {reference} : {deal}',
      heading: 'Nouvelle commande payée',
      intro: '{name} a acheté {quantity} × « {deal} » pour {total}.',
      action: 'Voir la commande',
    },
    facts: {
      order: 'Commande',
      deal: 'Offre',
      quantity: 'Quantité',
      total: 'Total payé',
      merchant: 'Commerçant',
      address: 'Adresse',
      expires: 'Valable jusqu’au',
      conditions: 'Conditions',
      buyer: 'Acheteur',
      amount: 'Montant',
      reason: 'Motif',
      noExpiry: 'sans date limite',
      test: 'Paiement de test : ces bons n’ont aucune valeur.',
    },
    buyerReason: 'Vous recevez cet e-mail suite à une commande passée sur Souk avec cette adresse.',
    merchantReason: 'Vous recevez cet e-mail car vous gérez ce commerce sur Souk.',
  },
  en: {
    confirmation: {
      subject: 'Your order {reference} is confirmed',
      heading: 'Thank you {name}, your payment is confirmed',
      intro: 'Here are your vouchers for “{deal}”. Show the code (or its QR code) to the merchant.',
      codes: 'Your vouchers',
      pdf: 'The vouchers are also attached as a PDF, ready to print or show on your phone.',
      action: 'View my order',
    },
    failed: {
      subject: 'The payment of order {reference} did not go through',
      heading: 'Payment not completed',
      intro: 'The payment for “{deal}” was declined ({message}). Nothing was charged; you can try again.',
      action: 'Back to the deal',
    },
    refund: {
      subject: 'Refund of your order {reference}',
      heading: 'Your refund is on its way',
      intro: 'We refunded {amount} on your order “{deal}”. Depending on your bank, it shows within a few days.',
      vouchers: 'Refunded vouchers are no longer valid.',
      action: 'View my order',
    },
    redeemed: {
      subject: 'Your voucher {code} was used',
      heading: 'Voucher used',
      intro:
        'Your voucher {code} for “{deal}” was used at {merchant} on {date}. If this was not you, contact support. You can now leave a review.',
      action: 'Leave a review',
    },
    merchant: {
      subject: 'New order {reference}: {deal}',
      heading: 'New paid order',
      intro: '{name} bought {quantity} × “{deal}” for {total}.',
      action: 'View the order',
    },
    facts: {
      order: 'Order',
      deal: 'Deal',
      quantity: 'Quantity',
      total: 'Total paid',
      merchant: 'Merchant',
      address: 'Address',
      expires: 'Valid until',
      conditions: 'Conditions',
      buyer: 'Buyer',
      amount: 'Amount',
      reason: 'Reason',
      noExpiry: 'no end date',
      test: 'Test payment: these vouchers have no value.',
    },
    buyerReason: 'You are receiving this email because of an order placed on Souk with this address.',
    merchantReason: 'You are receiving this email because you run this business on Souk.',
  },
  ar: {
    confirmation: {
      subject: 'تم تأكيد طلبك {reference}',
      heading: 'شكرًا {name}، تم تأكيد الدفع',
      intro: 'إليك قسائمك لعرض «{deal}». قدّم الرمز (أو رمز QR) للتاجر.',
      codes: 'قسائمك',
      pdf: 'القسائم مرفقة أيضًا بصيغة PDF، جاهزة للطباعة أو للعرض على هاتفك.',
      action: 'عرض طلبي',
    },
    failed: {
      subject: 'لم يكتمل دفع الطلب {reference}',
      heading: 'لم يكتمل الدفع',
      intro: 'رُفض الدفع لعرض «{deal}» ({message}). لم يُقتطع أي مبلغ؛ يمكنك المحاولة من جديد.',
      action: 'العودة إلى العرض',
    },
    refund: {
      subject: 'استرداد مبلغ طلبك {reference}',
      heading: 'استردادك في الطريق',
      intro: 'استرددنا {amount} من طلبك «{deal}». حسب بنكك، يظهر المبلغ خلال أيام.',
      vouchers: 'القسائم المستردة لم تعد صالحة.',
      action: 'عرض طلبي',
    },
    redeemed: {
      subject: 'استُعملت قسيمتك {code}',
      heading: 'قسيمة مستعملة',
      intro:
        'استُعملت قسيمتك {code} لعرض «{deal}» لدى {merchant} بتاريخ {date}. إن لم تكن أنت، تواصل مع الدعم. يمكنك الآن ترك تقييم.',
      action: 'اترك تقييمًا',
    },
    merchant: {
      subject: 'طلب جديد {reference}: {deal}',
      heading: 'طلب جديد مدفوع',
      intro: 'اشترى {name} {quantity} × «{deal}» بمبلغ {total}.',
      action: 'عرض الطلب',
    },
    facts: {
      order: 'الطلب',
      deal: 'العرض',
      quantity: 'الكمية',
      total: 'المبلغ المدفوع',
      merchant: 'التاجر',
      address: 'العنوان',
      expires: 'صالحة حتى',
      conditions: 'الشروط',
      buyer: 'المشتري',
      amount: 'المبلغ',
      reason: 'السبب',
      noExpiry: 'بدون تاريخ انتهاء',
      test: 'دفع تجريبي: هذه القسائم بلا قيمة.',
    },
    buyerReason: 'تلقيت هذه الرسالة بسبب طلب على Souk بهذا العنوان.',
    merchantReason: 'تلقيت هذه الرسالة لأنك تدير هذا النشاط على Souk.',
  },
};

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
