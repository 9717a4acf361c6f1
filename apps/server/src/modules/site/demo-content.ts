import type { FaqEntryInput, TestimonialInput } from '@souk/contracts/site';

/** What a fresh platform shows on its home page until admins write their own. */
export const demoTestimonials: readonly TestimonialInput[] = [
  {
    authorName: 'Salma Bennani',
    position: 10,
    published: true,
    translations: {
      fr: {
        quote:
          'En trois semaines, nos soins du visage ont été recommandés par douze créatrices de Casablanca. Nous voyons exactement quelle vidéo a rempli quel créneau.',
        role: 'Gérante d’un spa, Casablanca',
      },
      en: {
        quote:
          'In three weeks, twelve Casablanca creators recommended our facials. We see exactly which video filled which slot.',
        role: 'Spa manager, Casablanca',
      },
      ar: {
        quote:
          'في ثلاثة أسابيع، أوصت اثنتا عشرة صانعة محتوى من الدار البيضاء بعلاجات الوجه لدينا. نرى بالضبط أي فيديو ملأ أي موعد.',
        role: 'مديرة منتجع صحي، الدار البيضاء',
      },
    },
  },
  {
    authorName: 'Youssef El Amrani',
    position: 20,
    published: true,
    translations: {
      fr: {
        quote:
          'Je ne recommande que des adresses que j’ai testées. Souk me donne un lien par offre, et mes commissions arrivent sur mon RIB sans relance.',
        role: 'Créateur culinaire, Marrakech',
      },
      en: {
        quote:
          'I only recommend places I have tried. Souk gives me one link per deal, and my commissions reach my bank account without chasing anyone.',
        role: 'Food creator, Marrakech',
      },
      ar: {
        quote:
          'لا أوصي إلا بالأماكن التي جربتها. يمنحني Souk رابطًا لكل عرض، وتصل عمولاتي إلى حسابي البنكي دون أي متابعة.',
        role: 'صانع محتوى في الطبخ، مراكش',
      },
    },
  },
  {
    authorName: 'Nadia Tazi',
    position: 30,
    published: true,
    translations: {
      fr: {
        quote:
          'Le paiement par carte marocaine et le bon d’achat immédiat ont rassuré nos clients. Nos ventes en ligne ont doublé pendant le Ramadan.',
        role: 'Fondatrice d’une marque de cosmétiques, Rabat',
      },
      en: {
        quote:
          'Paying with a Moroccan card and getting the voucher at once reassured our customers. Our online sales doubled during Ramadan.',
        role: 'Founder of a cosmetics brand, Rabat',
      },
      ar: {
        quote: 'طمأن الدفع بالبطاقة المغربية والقسيمة الفورية زبائننا. تضاعفت مبيعاتنا عبر الإنترنت خلال شهر رمضان.',
        role: 'مؤسسة علامة مستحضرات تجميل، الرباط',
      },
    },
  },
];

export const demoFaqEntries: readonly FaqEntryInput[] = [
  {
    position: 10,
    published: true,
    translations: {
      fr: {
        question: 'Comment fonctionne Souk ?',
        answer:
          'Les marchands publient des produits et des offres. Les influenceurs choisissent ceux qu’ils aiment et les partagent avec un lien suivi. Quand un acheteur paie, la vente est attribuée au créateur, qui touche sa commission.',
      },
      en: {
        question: 'How does Souk work?',
        answer:
          'Merchants publish products and deals. Influencers pick the ones they like and share them with a tracked link. When a buyer pays, the sale is credited to the creator, who earns their commission.',
      },
      ar: {
        question: 'كيف يعمل Souk؟',
        answer:
          'ينشر التجار المنتجات والعروض. يختار المؤثرون ما يعجبهم ويشاركونه برابط متتبَّع. عندما يدفع المشتري، تُنسب عملية البيع إلى صانع المحتوى الذي يحصل على عمولته.',
      },
    },
  },
  {
    position: 20,
    published: true,
    translations: {
      fr: {
        question: 'Combien coûte Souk pour un marchand ?',
        answer:
          'L’offre Gratuite permet de commencer sans frais. Les offres payantes commencent par 14 jours d’essai gratuit, sans engagement, et réduisent la commission de la plateforme sur chaque vente.',
      },
      en: {
        question: 'How much does Souk cost a merchant?',
        answer:
          'The Free plan lets you start at no cost. Paid plans start with a 14-day free trial, with no commitment, and lower the platform fee on every sale.',
      },
      ar: {
        question: 'كم يكلف Souk التاجر؟',
        answer:
          'تتيح الخطة المجانية البدء دون أي تكلفة. تبدأ الخطط المدفوعة بفترة تجريبية مجانية مدتها 14 يومًا دون أي التزام، وتخفض عمولة المنصة على كل عملية بيع.',
      },
    },
  },
  {
    position: 30,
    published: true,
    translations: {
      fr: {
        question: 'Quand les influenceurs sont-ils payés ?',
        answer:
          'Une commission est validée une fois le délai de rétractation de l’achat passé. Les commissions validées sont versées par virement sur le RIB renseigné dans votre compte.',
      },
      en: {
        question: 'When are influencers paid?',
        answer:
          'A commission is approved once the purchase’s withdrawal period has passed. Approved commissions are paid by bank transfer to the account (RIB) saved in your profile.',
      },
      ar: {
        question: 'متى يحصل المؤثرون على أموالهم؟',
        answer:
          'تُعتمد العمولة بعد انقضاء مهلة التراجع عن الشراء. تُدفع العمولات المعتمدة بتحويل بنكي إلى الحساب (RIB) المسجل في ملفك.',
      },
    },
  },
  {
    position: 40,
    published: true,
    translations: {
      fr: {
        question: 'Quels moyens de paiement sont acceptés ?',
        answer:
          'Les cartes bancaires marocaines via le CMI et les cartes internationales via Stripe. Le bon d’achat est envoyé par e-mail dès le paiement confirmé.',
      },
      en: {
        question: 'Which payment methods are accepted?',
        answer:
          'Moroccan bank cards through CMI and international cards through Stripe. The voucher is emailed as soon as the payment is confirmed.',
      },
      ar: {
        question: 'ما هي وسائل الدفع المقبولة؟',
        answer:
          'البطاقات البنكية المغربية عبر CMI والبطاقات الدولية عبر Stripe. تُرسل القسيمة بالبريد الإلكتروني فور تأكيد الدفع.',
      },
    },
  },
  {
    position: 50,
    published: true,
    translations: {
      fr: {
        question: 'Mes données sont-elles protégées ?',
        answer:
          'Oui. Souk traite vos données conformément à la loi 09-08 et au contrôle de la CNDP. Vous pouvez exercer vos droits d’accès, de rectification et d’opposition à tout moment depuis la page de contact.',
      },
      en: {
        question: 'Is my data protected?',
        answer:
          'Yes. Souk processes your data under Moroccan law 09-08 and the supervision of the CNDP. You can exercise your rights of access, rectification and objection at any time from the contact page.',
      },
      ar: {
        question: 'هل بياناتي محمية؟',
        answer:
          'نعم. يعالج Souk بياناتك وفقًا للقانون 09-08 وتحت رقابة اللجنة الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي. يمكنك ممارسة حقوقك في الولوج والتصحيح والتعرض في أي وقت من صفحة الاتصال.',
      },
    },
  },
];
