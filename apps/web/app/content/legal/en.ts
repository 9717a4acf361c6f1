import type { LegalDocuments } from './types';

export const legalEn: LegalDocuments = {
  terms: {
    title: 'Terms of use',
    description: 'Rules for using the Souk platform as a visitor, merchant, influencer or buyer.',
    sections: [
      {
        heading: '1. Purpose',
        paragraphs: [
          'These terms govern access to and use of the Souk platform, published by Souk SARL, which connects merchants who publish products and deals, influencers who recommend them through tracked links, and buyers.',
          'Using the platform means accepting these terms. If you do not accept them, do not use Souk.',
        ],
      },
      {
        heading: '2. Accounts',
        paragraphs: [
          'Accounts are for adults or duly registered businesses. You agree to give accurate information and keep it up to date, and you are responsible for keeping your password and API keys confidential.',
          'Souk may suspend an account for fraud, false statements, infringement of third-party rights or serious breach of these terms, after informing the holder except in an emergency.',
        ],
      },
      {
        heading: '3. Merchants’ obligations',
        paragraphs: [
          'Merchants alone are responsible for their deals: accurate description, genuine original price, availability, honouring the announced conditions and consumer protection rules (law 31-08). Misleading deals are removed.',
        ],
      },
      {
        heading: '4. Influencers’ obligations',
        paragraphs: [
          'Influencers clearly tell their audience when a post is commercial (“partnership” or “affiliate link”). Generating clicks or purchases artificially is forbidden; any commission obtained that way is cancelled.',
        ],
      },
      {
        heading: '5. Content',
        paragraphs: [
          'Each user warrants holding the rights to the texts and images they publish and grants Souk a non-exclusive licence to display them on the platform and in its communication for as long as they are published.',
        ],
      },
      {
        heading: '6. Liability and availability',
        paragraphs: [
          'Souk takes reasonable measures to keep the service available, without guaranteeing it is never interrupted. Souk acts as a technical intermediary and is not a party to sales between merchants and buyers.',
        ],
      },
      {
        heading: '7. Governing law',
        paragraphs: [
          'These terms are governed by Moroccan law. Failing an amicable settlement, disputes go to the competent courts of Casablanca, subject to mandatory consumer protection rules.',
        ],
      },
    ],
  },
  'sales-conditions': {
    title: 'General terms of sale',
    description: 'Terms that apply to deal purchases and merchant subscriptions on Souk.',
    sections: [
      {
        heading: '1. Scope',
        paragraphs: [
          'These terms apply to deals (vouchers) bought by buyers on Souk and to subscriptions taken by merchants. They complement each deal’s own conditions (validity, places, restrictions) shown on the deal page.',
        ],
      },
      {
        heading: '2. Prices and payment',
        paragraphs: [
          'Prices are in Moroccan dirhams (MAD), including all taxes for buyers. Payment is by Moroccan bank card through CMI or international card through Stripe; card data never passes through Souk’s servers.',
          'An order is final once the bank confirms the payment.',
        ],
      },
      {
        heading: '3. Voucher',
        paragraphs: [
          'The voucher is emailed and available in the buyer’s account as soon as the payment is confirmed. It is used at the merchant under the conditions and validity period shown on the deal.',
        ],
      },
      {
        heading: '4. Withdrawal and refunds',
        paragraphs: [
          'Under law 31-08 on consumer protection, buyers may withdraw within seven days of purchase as long as the voucher has not been used. The refund is made to the original payment method within fifteen days.',
          'An unused voucher that the merchant can no longer honour is refunded in full.',
        ],
      },
      {
        heading: '5. Merchant subscriptions',
        paragraphs: [
          'Paid plans (Starter, Pro, Enterprise) are billed monthly after a 14-day free trial. Merchants may change plans or cancel at any time; cancellation takes effect at the end of the current period. The platform fee of the plan is deducted from each sale.',
        ],
      },
      {
        heading: '6. Complaints',
        paragraphs: [
          'Complaints can be sent through the contact page (subject “Support”). Souk acknowledges them within one business day and seeks an amicable solution with the merchant concerned.',
        ],
      },
    ],
  },
  privacy: {
    title: 'Privacy policy',
    description:
      'How Souk processes your personal data under Moroccan law 09-08 and the supervision of the CNDP: purposes, retention, rights and processors.',
    sections: [
      {
        heading: '1. Controller',
        paragraphs: [
          'The controller is Souk SARL, 12 boulevard d’Anfa, 20000 Casablanca. Souk’s processing of personal data has been declared to the National Commission for the Control of Personal Data Protection (CNDP), in accordance with law no. 09-08 of 18 February 2009.',
        ],
      },
      {
        heading: '2. Data collected and purposes',
        paragraphs: [
          'Account: name, email address, account type, language — to provide the service. Purchases: contact details, order history — to perform sales and issue vouchers. Influencers: bank details (RIB) and identity documents — to pay commissions and meet our due-diligence duties. Clicks on tracked links: date, country, device type — to credit sales. Contact and newsletter: name, email, message — to answer you and, with your confirmed consent, write to you.',
        ],
      },
      {
        heading: '3. Retention',
        paragraphs: [
          'Account data is kept while the account is active, then three years. Accounting records and invoices are kept ten years, as the Commercial Code requires. Contact messages are kept two years. Click data is aggregated after thirteen months. A newsletter subscription is kept until you unsubscribe.',
        ],
      },
      {
        heading: '4. Your rights',
        paragraphs: [
          'Under articles 7, 8 and 9 of law 09-08, you have the right of access, of rectification and to object, on legitimate grounds, to the processing of your data, and the right to object free of charge to marketing. To exercise them, write to us from the contact page (subject “Support”); we answer within thirty days.',
          'You may also lodge a complaint with the CNDP (www.cndp.ma).',
        ],
      },
      {
        heading: '5. Processors and transfers',
        paragraphs: [
          'Souk uses providers that process data on its behalf: hosting, email delivery, payment (Centre monétique interbancaire, Stripe). They are bound by contract to confidentiality and security. When a provider is established outside Morocco, the transfer follows the conditions of law 09-08 and is authorised by the CNDP where required.',
        ],
      },
      {
        heading: '6. Security and cookies',
        paragraphs: [
          'Hashed passwords, two-factor authentication, an audit log and encrypted connections protect your data. Souk only uses cookies needed for the service to work (session, language); no third-party advertising cookie is set.',
        ],
      },
    ],
  },
  notice: {
    title: 'Legal notice',
    description: 'Publisher, hosting and contact of the Souk platform.',
    sections: [
      {
        heading: 'Publisher',
        paragraphs: [
          'Souk SARL, limited liability company with a capital of MAD 100,000, 12 boulevard d’Anfa, 20000 Casablanca, Morocco. Registered with the Casablanca trade register; common company identifier (ICE) available on request.',
          'Publication director: the manager of Souk SARL.',
        ],
      },
      {
        heading: 'Contact',
        paragraphs: ['Through the site’s contact page, or by email to the support address shown on that page.'],
      },
      {
        heading: 'Hosting',
        paragraphs: [
          'The platform is hosted on servers in Morocco and the European Union, operated by providers bound to Souk by contract.',
        ],
      },
      {
        heading: 'Intellectual property',
        paragraphs: [
          'The Souk brand, logo and interface are protected. Content published by merchants and influencers remains theirs.',
        ],
      },
      {
        heading: 'Personal data',
        paragraphs: [
          'Data processing is declared to the CNDP. See the privacy policy for details and how to exercise your rights.',
        ],
      },
    ],
  },
};
