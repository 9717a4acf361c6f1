import type { Locale } from '@souk/contracts/locales';
import type { SocialProviderView } from '@souk/contracts/social';
import { type ProviderRegistry, redirectUriOf, rulesOf } from './registry.ts';

const linkAdvice: Record<Locale, Record<string, string>> = {
  fr: {
    clickable: 'Le lien suivi est cliquable dans la publication.',
    not_clickable_use_bio:
      'Les liens ne sont pas cliquables dans les légendes Instagram : mettez le lien suivi dans votre bio (« lien dans la bio »).',
    caption_only_never_in_media:
      'Le lien va dans la légende ou la bio, jamais incrusté dans la vidéo (règle de TikTok).',
    post_url: 'Le lien suivi peut être l’adresse de la publication Reddit.',
  },
  en: {
    clickable: 'The tracked link is clickable in the post.',
    not_clickable_use_bio:
      'Links are not clickable in Instagram captions: put the tracked link in your bio ("link in bio").',
    caption_only_never_in_media: 'The link goes in the caption or bio, never burnt into the video (TikTok’s rule).',
    post_url: 'The tracked link can be the Reddit post’s address.',
  },
  ar: {
    clickable: 'الرابط المتتبَّع قابل للنقر في المنشور.',
    not_clickable_use_bio:
      'الروابط غير قابلة للنقر في تعليقات إنستغرام: ضع الرابط المتتبَّع في نبذتك («الرابط في النبذة»).',
    caption_only_never_in_media: 'يوضع الرابط في التعليق أو النبذة، ولا يُدمج أبدًا في الفيديو (قاعدة تيك توك).',
    post_url: 'يمكن أن يكون الرابط المتتبَّع عنوان منشور ريديت.',
  },
};

const steps: Record<Locale, (credentials: string, redirect: string) => string[]> = {
  fr: (credentials, redirect) => [
    'Créez une application sur la console développeur de la plateforme.',
    `Enregistrez cette adresse de redirection : ${redirect}`,
    `Renseignez ${credentials} dans la configuration du serveur, puis redémarrez-le.`,
  ],
  en: (credentials, redirect) => [
    'Create an app in the platform’s developer console.',
    `Register this redirect URL: ${redirect}`,
    `Set ${credentials} in the server configuration, then restart it.`,
  ],
  ar: (credentials, redirect) => [
    'أنشئ تطبيقًا في لوحة المطورين الخاصة بالمنصة.',
    `سجّل عنوان إعادة التوجيه هذا: ${redirect}`,
    `اضبط ${credentials} في إعدادات الخادم، ثم أعد تشغيله.`,
  ],
};

export function providerViews(providers: ProviderRegistry, publicUrl: string, locale: Locale): SocialProviderView[] {
  return [...providers.values()].map((provider) => {
    const configured = provider.configured();
    const redirectUrl = redirectUriOf(publicUrl, provider.id);
    return {
      provider: provider.id,
      name: provider.name,
      configured,
      setup: configured
        ? null
        : {
            credentials: provider.setup.credentials,
            redirectUrl,
            scopes: provider.setup.scopes,
            steps: steps[locale](provider.setup.credentials.join(', '), redirectUrl),
            documentationUrl: provider.setup.documentationUrl,
          },
      rules: rulesOf(provider, linkAdvice[locale][provider.rules.linkHandling] ?? ''),
    };
  });
}
