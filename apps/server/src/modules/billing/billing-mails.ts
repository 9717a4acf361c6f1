import type { Locale } from '@souk/contracts/locales';
import type { PlanId } from '@souk/contracts/plans';
import type { Executor } from '../../platform/db/database.ts';
import type { BillingMailer, BillingPeople, BillingTeams } from './ports.ts';

/** Every subscription transition the managers of a team are told about. */
export type BillingEvent =
  | 'trial_started'
  | 'activated'
  | 'upgraded'
  | 'downgrade_scheduled'
  | 'downgraded'
  | 'cancel_scheduled'
  | 'canceled'
  | 'past_due'
  | 'renewal_due'
  | 'expired'
  | 'free_month';

interface Copy {
  subjects: Record<BillingEvent, string>;
  bodies: Record<BillingEvent, string>;
  paused: string;
  action: string;
  pay: string;
  reason: string;
  planNames: Record<PlanId, string>;
}

const copy: Record<Locale, Copy> = {
  fr: {
    subjects: {
      trial_started: 'Votre essai {plan} a commencé',
      activated: 'Votre abonnement {plan} est actif',
      upgraded: 'Vous êtes passé à la formule {plan}',
      downgrade_scheduled: 'Passage à la formule {plan} programmé',
      downgraded: 'Vous êtes maintenant sur la formule {plan}',
      cancel_scheduled: 'Résiliation de votre abonnement programmée',
      canceled: 'Votre abonnement est résilié',
      past_due: 'Paiement de votre abonnement en attente',
      renewal_due: 'Votre facture d’abonnement {plan} est à régler',
      expired: 'Votre abonnement a pris fin : retour à la formule Free',
      free_month: 'Un mois de formule {plan} offert',
    },
    bodies: {
      trial_started: 'Votre essai gratuit de la formule {plan} dure jusqu’au {date}, sans carte bancaire.',
      activated: 'Votre abonnement {plan} est actif jusqu’au {date}.',
      upgraded: 'La formule {plan} s’applique dès maintenant, avec ses nouvelles limites.',
      downgrade_scheduled: 'Vous passerez à la formule {plan} le {date}. D’ici là, rien ne change.',
      downgraded: 'La formule {plan} s’applique désormais.',
      cancel_scheduled: 'Votre abonnement prendra fin le {date}; vous repasserez ensuite à la formule Free.',
      canceled: 'Votre abonnement est terminé : votre équipe est sur la formule Free.',
      past_due:
        'Le paiement de votre abonnement {plan} n’a pas abouti. Réglez-le avant le {date} pour garder votre formule.',
      renewal_due: 'Votre abonnement {plan} se renouvelle : réglez la facture avant le {date} pour le garder.',
      expired: 'Faute de paiement, votre équipe est revenue à la formule Free. Rien n’est supprimé.',
      free_month: 'Merci pour votre parrainage : un mois de formule {plan} vous est offert.',
    },
    paused:
      '{count} offre(s) dépassant les limites de la formule Free ont été mises en pause, pas supprimées : elles reviennent dès que votre formule le permet.',
    action: 'Voir ma facturation',
    pay: 'Régler la facture',
    reason: 'Vous recevez cet e-mail car vous gérez la facturation de votre équipe sur Souk.',
    planNames: { free: 'Free', starter: 'Starter', pro: 'Pro', enterprise: 'Enterprise' },
  },
  en: {
    subjects: {
      trial_started: 'Your {plan} trial has started',
      activated: 'Your {plan} subscription is active',
      upgraded: 'You are now on the {plan} plan',
      downgrade_scheduled: 'Move to the {plan} plan scheduled',
      downgraded: 'You are now on the {plan} plan',
      cancel_scheduled: 'Your subscription will end',
      canceled: 'Your subscription has ended',
      past_due: 'Your subscription payment is pending',
      renewal_due: 'Your {plan} subscription invoice is due',
      expired: 'Your subscription ended: back to the Free plan',
      free_month: 'One month of {plan}, on us',
    },
    bodies: {
      trial_started: 'Your free {plan} trial runs until {date}, no card needed.',
      activated: 'Your {plan} subscription is active until {date}.',
      upgraded: 'The {plan} plan applies now, with its new limits.',
      downgrade_scheduled: 'You will move to the {plan} plan on {date}. Until then nothing changes.',
      downgraded: 'The {plan} plan now applies.',
      cancel_scheduled: 'Your subscription ends on {date}; your team then moves to the Free plan.',
      canceled: 'Your subscription has ended: your team is on the Free plan.',
      past_due: 'The payment of your {plan} subscription did not go through. Pay before {date} to keep your plan.',
      renewal_due: 'Your {plan} subscription renews: pay the invoice before {date} to keep it.',
      expired: 'Without payment, your team is back on the Free plan. Nothing is deleted.',
      free_month: 'Thanks for your referral: one month of the {plan} plan is yours.',
    },
    paused:
      '{count} deal(s) beyond the Free plan’s limits were paused, not deleted: they come back as soon as your plan allows.',
    action: 'View my billing',
    pay: 'Pay the invoice',
    reason: 'You receive this email because you manage your team’s billing on Souk.',
    planNames: { free: 'Free', starter: 'Starter', pro: 'Pro', enterprise: 'Enterprise' },
  },
  ar: {
    subjects: {
      trial_started: 'بدأت الفترة التجريبية لباقة {plan}',
      activated: 'اشتراكك في باقة {plan} مفعّل',
      upgraded: 'انتقلت إلى باقة {plan}',
      downgrade_scheduled: 'تمت جدولة الانتقال إلى باقة {plan}',
      downgraded: 'أنت الآن على باقة {plan}',
      cancel_scheduled: 'تمت جدولة إنهاء اشتراكك',
      canceled: 'انتهى اشتراكك',
      past_due: 'دفع اشتراكك معلّق',
      renewal_due: 'فاتورة اشتراك {plan} مستحقة',
      expired: 'انتهى اشتراكك: العودة إلى الباقة المجانية',
      free_month: 'شهر مجاني من باقة {plan}',
    },
    bodies: {
      trial_started: 'تستمر فترتك التجريبية المجانية لباقة {plan} حتى {date}، دون بطاقة بنكية.',
      activated: 'اشتراكك في باقة {plan} مفعّل حتى {date}.',
      upgraded: 'تُطبَّق باقة {plan} ابتداءً من الآن بحدودها الجديدة.',
      downgrade_scheduled: 'ستنتقل إلى باقة {plan} في {date}. لن يتغير شيء حتى ذلك الحين.',
      downgraded: 'تُطبَّق الآن باقة {plan}.',
      cancel_scheduled: 'ينتهي اشتراكك في {date}، ثم ينتقل فريقك إلى الباقة المجانية.',
      canceled: 'انتهى اشتراكك: فريقك على الباقة المجانية.',
      past_due: 'لم يتم دفع اشتراك {plan}. ادفع قبل {date} للاحتفاظ بباقتك.',
      renewal_due: 'يتجدد اشتراكك في باقة {plan}: ادفع الفاتورة قبل {date} للاحتفاظ به.',
      expired: 'لعدم الدفع، عاد فريقك إلى الباقة المجانية. لم يُحذف أي شيء.',
      free_month: 'شكرًا على إحالتك: شهر من باقة {plan} مجانًا.',
    },
    paused: 'تم إيقاف {count} عرض(عروض) تتجاوز حدود الباقة المجانية مؤقتًا دون حذفها: ستعود بمجرد أن تسمح باقتك بذلك.',
    action: 'عرض الفوترة',
    pay: 'دفع الفاتورة',
    reason: 'تتلقى هذه الرسالة لأنك تدير فوترة فريقك على سوق.',
    planNames: { free: 'Free', starter: 'Starter', pro: 'Pro', enterprise: 'Enterprise' },
  },
};

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}

const dateFormats: Record<Locale, string> = { fr: 'fr-MA', en: 'en-GB', ar: 'ar-MA' };

/** Tells a team's owner and admins, each in their language, what just happened to the subscription. */
export class BillingMails {
  constructor(
    private readonly deps: {
      mail: BillingMailer;
      people: BillingPeople;
      teams: BillingTeams;
      publicUrl: string;
    },
  ) {}

  async send(
    executor: Executor,
    organizationId: string,
    event: BillingEvent,
    details: { planId: PlanId; date?: Date | null; paused?: number; payUrl?: string | null },
  ): Promise<void> {
    const managers = await this.deps.teams.managerIdsOf(organizationId, executor);
    for (const userId of managers) {
      const person = await this.deps.people.getContact(userId, { executor });
      if (!person) continue;
      const locale: Locale = person.locale ?? 'fr';
      const words = copy[locale];
      const values = {
        plan: words.planNames[details.planId],
        date: details.date
          ? details.date.toLocaleDateString(dateFormats[locale], { timeZone: 'UTC', dateStyle: 'long' })
          : '',
      };
      const paragraphs = [fill(words.bodies[event], values)];
      if (details.paused) paragraphs.push(fill(words.paused, { count: String(details.paused) }));
      const url = details.payUrl ?? `${this.deps.publicUrl}/merchant/billing?team=${organizationId}`;
      await this.deps.mail.send({
        to: person.email,
        template: 'billing-notice',
        locale,
        executor,
        data: {
          subject: fill(words.subjects[event], values),
          heading: fill(words.subjects[event], values),
          paragraphs,
          action: { url, label: details.payUrl ? words.pay : words.action },
          reason: words.reason,
        },
      });
    }
  }
}
