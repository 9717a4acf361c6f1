import type { Locale } from '@souk/contracts/locales';

type SandboxPost = {
  id: string;
  caption: string;
  linkUrl: string | null;
  media: { url: string; kind: string; altText?: string | undefined }[];
  publishedAt: Date | null;
};

const words = {
  fr: {
    network: 'Réseau bac à sable Souk',
    consentTitle: 'Autoriser Souk à publier',
    consentBody:
      'Souk demande à publier sur votre compte du réseau bac à sable et à lire votre profil. Rien ne quitte cette machine.',
    handle: 'Votre identifiant sur le réseau (3 à 30 lettres, chiffres, _ ou .)',
    allow: 'Autoriser',
    deny: 'Refuser',
    invalidRequest: 'Demande d’autorisation invalide : l’adresse de retour n’est pas celle de Souk.',
    invalidHandle: 'Identifiant invalide : 3 à 30 caractères parmi lettres minuscules, chiffres, _ et .',
    feedTitle: (handle: string) => `@${handle} sur le réseau bac à sable`,
    empty: 'Aucune publication pour le moment.',
    link: 'Voir l’offre',
    published: 'Publié le',
  },
  en: {
    network: 'Souk sandbox network',
    consentTitle: 'Allow Souk to publish',
    consentBody:
      'Souk asks to publish on your sandbox network account and read your profile. Nothing leaves this machine.',
    handle: 'Your handle on the network (3 to 30 letters, digits, _ or .)',
    allow: 'Allow',
    deny: 'Deny',
    invalidRequest: 'Invalid authorization request: the return address is not Souk’s.',
    invalidHandle: 'Invalid handle: 3 to 30 characters among lowercase letters, digits, _ and .',
    feedTitle: (handle: string) => `@${handle} on the sandbox network`,
    empty: 'No posts yet.',
    link: 'See the deal',
    published: 'Published on',
  },
  ar: {
    network: 'شبكة سوق التجريبية',
    consentTitle: 'السماح لسوق بالنشر',
    consentBody: 'يطلب سوق النشر على حسابك في الشبكة التجريبية وقراءة ملفك. لا شيء يغادر هذا الجهاز.',
    handle: 'معرّفك على الشبكة (من 3 إلى 30 حرفًا أو رقمًا أو _ أو .)',
    allow: 'سماح',
    deny: 'رفض',
    invalidRequest: 'طلب تفويض غير صالح: عنوان العودة ليس عنوان سوق.',
    invalidHandle: 'معرّف غير صالح: من 3 إلى 30 حرفًا من الأحرف الصغيرة والأرقام و_ و.',
    feedTitle: (handle: string) => `@${handle} على الشبكة التجريبية`,
    empty: 'لا منشورات بعد.',
    link: 'عرض العرض',
    published: 'نُشر في',
  },
} as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const style =
  'body{font-family:system-ui,sans-serif;margin:0;background:#f3f4f8;color:#1d2130}header{background:#0f766e;color:#fff;padding:.8rem 1rem;font-weight:600}main{max-width:36rem;margin:1.5rem auto;padding:0 1rem}section,article{background:#fff;border-radius:.75rem;padding:1.25rem;margin-bottom:1rem;box-shadow:0 1px 3px #0002}label{display:block;margin:.8rem 0 .3rem;font-weight:600}input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #8a90a0;border-radius:.4rem}button,a.cta{display:inline-block;margin:1rem .5rem 0 0;padding:.65rem 1.2rem;border-radius:.4rem;border:0;font-size:1rem;cursor:pointer;text-decoration:none}button.allow,a.cta{background:#0f766e;color:#fff}button.deny{background:#e4e6ee;color:#1d2130}:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}.error{color:#b42318;font-weight:600}img{max-width:100%;border-radius:.5rem}p.caption{white-space:pre-wrap}time{color:#5b6172;font-size:.9rem}';

function layout(locale: Locale, title: string, body: string): string {
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  return `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${style}</style></head><body><header role="banner">${escapeHtml(words[locale].network)}</header><main id="main">${body}</main></body></html>`;
}

export function consentPage(
  locale: Locale,
  input: { params: Record<string, string>; handle: string; error: 'invalid_handle' | 'invalid_request' | null },
): string {
  const text = words[locale];
  if (input.error === 'invalid_request') {
    return layout(
      locale,
      text.consentTitle,
      `<section><h1>${escapeHtml(text.consentTitle)}</h1><p class="error" role="alert">${escapeHtml(text.invalidRequest)}</p></section>`,
    );
  }
  const hidden = Object.entries(input.params)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  const error = input.error
    ? `<p class="error" role="alert" id="handle-error">${escapeHtml(text.invalidHandle)}</p>`
    : '';
  return layout(
    locale,
    text.consentTitle,
    `<section><h1>${escapeHtml(text.consentTitle)}</h1><p>${escapeHtml(text.consentBody)}</p><form method="post" action="/sandbox/social/oauth/authorize">${hidden}<label for="handle">${escapeHtml(text.handle)}</label><input id="handle" name="handle" required pattern="[a-z0-9_.]{3,30}" autocomplete="username" value="${escapeHtml(input.handle)}"${input.error ? ' aria-invalid="true" aria-describedby="handle-error"' : ''}>${error}<button class="allow" type="submit" name="decision" value="allow">${escapeHtml(text.allow)}</button><button class="deny" type="submit" name="decision" value="deny" formnovalidate>${escapeHtml(text.deny)}</button></form></section>`,
  );
}

export function feedPage(locale: Locale, handle: string, posts: SandboxPost[]): string {
  const text = words[locale];
  const date = new Intl.DateTimeFormat(locale === 'ar' ? 'ar-MA' : locale, { dateStyle: 'medium', timeStyle: 'short' });
  const items = posts
    .map((post) => {
      const media = post.media
        .filter((item) => item.kind === 'image')
        .map((item) => `<img src="${escapeHtml(item.url)}" alt="${escapeHtml(item.altText ?? '')}" loading="lazy">`)
        .join('');
      const link = post.linkUrl ? `<a class="cta" href="${escapeHtml(post.linkUrl)}">${escapeHtml(text.link)}</a>` : '';
      const at = post.publishedAt
        ? `<time datetime="${post.publishedAt.toISOString()}">${escapeHtml(text.published)} ${escapeHtml(date.format(post.publishedAt))}</time>`
        : '';
      return `<article id="post-${post.id}" data-post-id="${post.id}">${at}${media}<p class="caption">${escapeHtml(post.caption)}</p>${link}</article>`;
    })
    .join('');
  return layout(
    locale,
    text.feedTitle(handle),
    `<h1>${escapeHtml(text.feedTitle(handle))}</h1>${items || `<section><p>${escapeHtml(text.empty)}</p></section>`}`,
  );
}
