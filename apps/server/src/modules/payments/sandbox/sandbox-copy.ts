import type { Locale } from '@souk/contracts/locales';

export interface SandboxCopy {
  title: string;
  banner: string;
  amount: string;
  order: string;
  cardNumber: string;
  expiry: string;
  expiryHint: string;
  cvc: string;
  holder: string;
  pay: string;
  cancel: string;
  testCards: string;
  threeDsTitle: string;
  threeDsIntro: string;
  threeDsCode: string;
  confirm: string;
  continueLabel: string;
  redirecting: string;
  invalidRequest: string;
  declinedUnknownCard: string;
  declinedCvc: string;
  declinedExpired: string;
  declined3ds: string;
}

export const sandboxCopy: Record<Locale, SandboxCopy> = {
  fr: {
    title: 'Paiement de test',
    banner: 'PASSERELLE DE TEST — aucun argent réel n’est débité. Seules les cartes de test sont acceptées.',
    amount: 'Montant',
    order: 'Commande',
    cardNumber: 'Numéro de carte',
    expiry: 'Expiration',
    expiryHint: 'MM/AA',
    cvc: 'Cryptogramme (CVC)',
    holder: 'Titulaire',
    pay: 'Payer',
    cancel: 'Annuler et revenir à la boutique',
    testCards:
      'Cartes de test : Visa 4000 0000 0000 0010 (CVC 000), Mastercard 5453 0100 0006 6100 (CVC 000), Mastercard 3-D Secure 5191 6301 0000 4896 (code 123).',
    threeDsTitle: 'Authentification 3-D Secure (test)',
    threeDsIntro: 'Votre banque de test demande un code de confirmation. Le code de la carte de test est 123.',
    threeDsCode: 'Code reçu',
    confirm: 'Confirmer',
    continueLabel: 'Continuer',
    redirecting: 'Retour vers la boutique…',
    invalidRequest: 'Demande de paiement invalide : la signature (HASH) ne correspond pas.',
    declinedUnknownCard: 'Carte refusée : ce n’est pas une carte de test.',
    declinedCvc: 'Carte refusée : cryptogramme incorrect.',
    declinedExpired: 'Carte refusée : carte expirée ou date invalide.',
    declined3ds: 'Authentification 3-D Secure échouée.',
  },
  en: {
    title: 'Test payment',
    banner: 'TEST GATEWAY — no real money is taken. Only test cards are accepted.',
    amount: 'Amount',
    order: 'Order',
    cardNumber: 'Card number',
    expiry: 'Expiry',
    expiryHint: 'MM/YY',
    cvc: 'Security code (CVC)',
    holder: 'Cardholder',
    pay: 'Pay',
    cancel: 'Cancel and go back to the shop',
    testCards:
      'Test cards: Visa 4000 0000 0000 0010 (CVC 000), Mastercard 5453 0100 0006 6100 (CVC 000), 3-D Secure Mastercard 5191 6301 0000 4896 (code 123).',
    threeDsTitle: '3-D Secure authentication (test)',
    threeDsIntro: 'Your test bank asks for a confirmation code. The test card’s code is 123.',
    threeDsCode: 'Code received',
    confirm: 'Confirm',
    continueLabel: 'Continue',
    redirecting: 'Going back to the shop…',
    invalidRequest: 'Invalid payment request: the signature (HASH) does not match.',
    declinedUnknownCard: 'Card declined: this is not a test card.',
    declinedCvc: 'Card declined: wrong security code.',
    declinedExpired: 'Card declined: expired card or invalid date.',
    declined3ds: '3-D Secure authentication failed.',
  },
  ar: {
    title: 'دفع تجريبي',
    banner: 'بوابة دفع تجريبية — لا يُقتطع أي مال حقيقي. تُقبل بطاقات الاختبار فقط.',
    amount: 'المبلغ',
    order: 'الطلب',
    cardNumber: 'رقم البطاقة',
    expiry: 'تاريخ الانتهاء',
    expiryHint: 'MM/YY',
    cvc: 'رمز الأمان (CVC)',
    holder: 'اسم حامل البطاقة',
    pay: 'ادفع',
    cancel: 'إلغاء والعودة إلى المتجر',
    testCards:
      'بطاقات الاختبار: Visa 4000 0000 0000 0010 (CVC 000)، Mastercard 5453 0100 0006 6100 (CVC 000)، Mastercard 3-D Secure 5191 6301 0000 4896 (الرمز 123).',
    threeDsTitle: 'مصادقة 3-D Secure (تجريبية)',
    threeDsIntro: 'يطلب بنكك التجريبي رمز تأكيد. رمز بطاقة الاختبار هو 123.',
    threeDsCode: 'الرمز المستلم',
    confirm: 'تأكيد',
    continueLabel: 'متابعة',
    redirecting: 'العودة إلى المتجر…',
    invalidRequest: 'طلب دفع غير صالح: التوقيع (HASH) غير مطابق.',
    declinedUnknownCard: 'رُفضت البطاقة: ليست بطاقة اختبار.',
    declinedCvc: 'رُفضت البطاقة: رمز الأمان غير صحيح.',
    declinedExpired: 'رُفضت البطاقة: بطاقة منتهية أو تاريخ غير صالح.',
    declined3ds: 'فشلت مصادقة 3-D Secure.',
  },
};
