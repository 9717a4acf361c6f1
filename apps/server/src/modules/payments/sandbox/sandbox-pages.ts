import { directionOf, type Locale } from '@souk/contracts/locales';
import { escapeXml as escapeHtml } from '../gateways/cmi-xml.ts';
import { type SandboxCopy, sandboxCopy } from './sandbox-copy.ts';

const styles = `
body{margin:0;font-family:system-ui,"Segoe UI",Tahoma,Arial,sans-serif;background:#f4f1ec;color:#1f2933}
main{max-width:28rem;margin:0 auto;padding:1rem}
.banner{background:#fde68a;border:2px solid #b45309;color:#78350f;padding:.75rem;border-radius:.5rem;font-weight:700}
.card{background:#fff;border-radius:.75rem;padding:1.25rem;margin-top:1rem;box-shadow:0 1px 3px rgba(0,0,0,.1)}
label{display:block;font-weight:600;margin-top:.75rem}
input{box-sizing:border-box;width:100%;font-size:1.1rem;padding:.6rem;border:1px solid #9ca3af;border-radius:.4rem;margin-top:.25rem}
input:focus,button:focus,a:focus{outline:3px solid #2563eb;outline-offset:2px}
button{margin-top:1rem;width:100%;font-size:1.1rem;padding:.75rem;border:0;border-radius:.5rem;background:#c2571a;color:#fff;font-weight:700;cursor:pointer}
.error{background:#fee2e2;color:#991b1b;padding:.75rem;border-radius:.5rem;margin-top:1rem}
.muted{color:#4b5563;font-size:.9rem}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
.ltr{direction:ltr;unicode-bidi:embed}
`;

/** A whole page: self-contained (no script or style from elsewhere), in the buyer's language. */
function page(locale: Locale, title: string, body: string, options: { autoSubmit?: boolean } = {}): string {
  const copy = sandboxCopy[locale];
  const script = options.autoSubmit
    ? `<script>document.addEventListener('DOMContentLoaded',function(){document.getElementById('return').submit()})</script>`
    : '';
  return `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)} — ${escapeHtml(copy.title)}</title><style>${styles}</style>${script}</head>
<body><main><p class="banner" role="note">${escapeHtml(copy.banner)}</p>${body}</main></body></html>`;
}

function hidden(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
}

export interface PaymentSummary {
  amount: string;
  currency: string;
  oid: string;
  shopUrl: string;
}

function summary(copy: SandboxCopy, info: PaymentSummary): string {
  return `<dl><dt>${escapeHtml(copy.amount)}</dt><dd class="ltr">${escapeHtml(info.amount)} ${escapeHtml(info.currency)}</dd>
<dt>${escapeHtml(copy.order)}</dt><dd class="ltr">${escapeHtml(info.oid)}</dd></dl>`;
}

export function cardPage(locale: Locale, info: PaymentSummary, state: string, error: string | null): string {
  const copy = sandboxCopy[locale];
  return page(
    locale,
    copy.title,
    `<div class="card"><h1>${escapeHtml(copy.title)}</h1>${summary(copy, info)}
${error ? `<p class="error" role="alert" id="card-error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/sandbox/cmi/fim/pay" novalidate>
${hidden({ state })}
<label for="card-number">${escapeHtml(copy.cardNumber)}</label>
<input id="card-number" name="cardNumber" inputmode="numeric" autocomplete="cc-number" required class="ltr" ${error ? 'aria-describedby="card-error" aria-invalid="true"' : ''}>
<label for="card-expiry">${escapeHtml(copy.expiry)} <span class="muted">(${escapeHtml(copy.expiryHint)})</span></label>
<input id="card-expiry" name="expiry" inputmode="numeric" autocomplete="cc-exp" placeholder="${escapeHtml(copy.expiryHint)}" required class="ltr">
<label for="card-cvc">${escapeHtml(copy.cvc)}</label>
<input id="card-cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" required class="ltr">
<label for="card-holder">${escapeHtml(copy.holder)}</label>
<input id="card-holder" name="holder" autocomplete="cc-name">
<button type="submit">${escapeHtml(copy.pay)}</button>
</form>
<p class="muted">${escapeHtml(copy.testCards)}</p>
<p><a href="${escapeHtml(info.shopUrl)}">${escapeHtml(copy.cancel)}</a></p></div>`,
  );
}

export function threeDsPage(locale: Locale, info: PaymentSummary, state: string, card: string): string {
  const copy = sandboxCopy[locale];
  return page(
    locale,
    copy.threeDsTitle,
    `<div class="card"><h1>${escapeHtml(copy.threeDsTitle)}</h1>${summary(copy, info)}
<p>${escapeHtml(copy.threeDsIntro)}</p>
<form method="post" action="/sandbox/cmi/fim/3ds">${hidden({ state, card })}
<label for="three-ds-code">${escapeHtml(copy.threeDsCode)}</label>
<input id="three-ds-code" name="code" inputmode="numeric" autocomplete="one-time-code" required class="ltr" autofocus>
<button type="submit">${escapeHtml(copy.confirm)}</button></form></div>`,
  );
}

/** Back to the shop's okUrl / failUrl with the signed fields: submitted by script, or by the button. */
export function returnPage(locale: Locale, action: string, fields: Record<string, string>): string {
  const copy = sandboxCopy[locale];
  return page(
    locale,
    copy.redirecting,
    `<div class="card"><p>${escapeHtml(copy.redirecting)}</p>
<form id="return" method="post" action="${escapeHtml(action)}">${hidden(fields)}
<button type="submit">${escapeHtml(copy.continueLabel)}</button></form></div>`,
    { autoSubmit: true },
  );
}

export function errorPage(locale: Locale, message: string): string {
  return page(locale, message, `<div class="card"><p class="error" role="alert">${escapeHtml(message)}</p></div>`);
}
