import { randomBytes } from 'node:crypto';
import { isLocale, type Locale } from '@souk/contracts/locales';
import { eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Database } from '../../../platform/db/database.ts';
import { cmiResponseHash, verifyCmiHash } from '../gateways/cmi-hash.ts';
import { cc5Document, readCc5 } from '../gateways/cmi-xml.ts';
import { formatAmount, parseAmount } from '../gateways/gateway.ts';
import type { GatewayHttp } from '../gateways/gateway-http.ts';
import { paymentsSandboxTransactions } from '../schema.ts';
import { judgeCard, maskCard, threeDsTestCode } from './sandbox-cards.ts';
import { sandboxCopy } from './sandbox-copy.ts';
import { cardPage, errorPage, type PaymentSummary, returnPage, threeDsPage } from './sandbox-pages.ts';

export interface SandboxDeps {
  db: Database;
  http: GatewayHttp;
  credentials: { clientId: string; storeKey: string; apiUser: string; apiPassword: string };
}

type Form = Record<string, string>;

function encodeState(fields: Form): string {
  return Buffer.from(JSON.stringify(fields)).toString('base64url');
}

function decodeState(state: string | undefined): Form | null {
  if (!state) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(state, 'base64url').toString('utf8'));
    if (!parsed || typeof parsed !== 'object') return null;
    return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
  } catch {
    return null;
  }
}

function html(reply: FastifyReply, body: string, status = 200) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex')
    .send(body);
}

/**
 * The built-in test gateway: CMI's protocol on our own origin, for fresh installs and tests. The
 * payment page checks the form's HASH like CMI, takes the published test cards (one of them with
 * a 3-D Secure step), posts a signed callback server-to-server, then sends the browser back to
 * okUrl / failUrl with the signed fields. Its API answers refunds from its own ledger.
 */
export function sandboxRoutes(deps: SandboxDeps): FastifyPluginAsync {
  const { credentials } = deps;

  /** The posted form, if it is really ours: right merchant id and a matching HASH. */
  const verifiedForm = (fields: Form | null): Form | null =>
    fields && fields.clientid === credentials.clientId && verifyCmiHash(fields, credentials.storeKey) ? fields : null;

  const localeOf = (fields: Form | null): Locale => (fields && isLocale(fields.lang) ? fields.lang : 'fr');

  const summaryOf = (fields: Form): PaymentSummary => ({
    amount: fields.amount ?? '',
    currency: 'MAD',
    oid: fields.oid ?? '',
    shopUrl: fields.shopurl ?? '/',
  });

  /** Answers like CMI: callback to the shop first, then the browser goes back with the same fields. */
  async function complete(
    reply: FastifyReply,
    form: Form,
    outcome: { approved: boolean; code: string; message: string; brand: string; card: string; mdStatus: string },
  ) {
    const transId = `SBX${Date.now().toString(36).toUpperCase()}${randomBytes(3).toString('hex').toUpperCase()}`;
    const { HASH: _hash, hash: _lower, ...posted } = form;
    const fields: Form = {
      ...posted,
      ProcReturnCode: outcome.code,
      Response: outcome.approved ? 'Approved' : 'Declined',
      AuthCode: outcome.approved ? randomBytes(3).toString('hex').toUpperCase() : '',
      TransId: transId,
      mdStatus: outcome.mdStatus,
      ErrMsg: outcome.approved ? '' : outcome.message,
      maskedCreditCard: outcome.card,
      'EXTRA.CARDBRAND': outcome.brand,
      'EXTRA.TRXDATE': new Date().toISOString().slice(0, 19).replace('T', ' ').replaceAll('-', ''),
      _charset: 'UTF-8',
    };
    fields.HASH = cmiResponseHash(fields, credentials.storeKey);
    let answer = 'FAILURE';
    if (fields.callbackUrl) {
      try {
        const response = await deps.http.send({
          method: 'POST',
          url: fields.callbackUrl,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(fields).toString(),
        });
        answer = response.body.trim();
      } catch {
        answer = 'FAILURE';
      }
    }
    if (outcome.approved) {
      const amountMinor = parseAmount(fields.amount) ?? 0;
      const status = answer === 'ACTION=POSTAUTH' ? 'captured' : 'preauth';
      await deps.db
        .insert(paymentsSandboxTransactions)
        .values({ oid: fields.oid ?? transId, transId, amountMinor, status })
        .onConflictDoUpdate({ target: paymentsSandboxTransactions.oid, set: { transId, amountMinor, status } });
    }
    const target = outcome.approved && answer !== 'FAILURE' ? fields.okUrl : fields.failUrl;
    return html(reply, returnPage(localeOf(form), target ?? '/', fields));
  }

  return async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    for (const type of ['application/xml', 'text/xml']) {
      scope.addContentTypeParser(type, { parseAs: 'string' }, (_request, body, done) => done(null, body));
    }
    const config = { access: 'public' as const };
    const hide = { hide: true };

    scope.post('/sandbox/cmi/fim/est3Dgate', { config, schema: hide }, async (request, reply) => {
      const form = verifiedForm(request.body as Form);
      if (!form)
        return html(
          reply,
          errorPage(localeOf(request.body as Form), sandboxCopy[localeOf(request.body as Form)].invalidRequest),
          400,
        );
      return html(reply, cardPage(localeOf(form), summaryOf(form), encodeState(form), null));
    });

    scope.post('/sandbox/cmi/fim/pay', { config, schema: hide }, async (request, reply) => {
      const body = request.body as Form;
      const form = verifiedForm(decodeState(body.state));
      if (!form) return html(reply, errorPage('fr', sandboxCopy.fr.invalidRequest), 400);
      const locale = localeOf(form);
      const verdict = judgeCard({ number: body.cardNumber ?? '', expiry: body.expiry ?? '', cvc: body.cvc ?? '' });
      const card = maskCard(body.cardNumber ?? '');
      if (verdict.kind === 'three_ds')
        return html(reply, threeDsPage(locale, summaryOf(form), body.state as string, card));
      if (verdict.kind === 'approved') {
        return complete(reply, form, {
          approved: true,
          code: '00',
          message: '',
          brand: verdict.brand,
          card,
          mdStatus: '1',
        });
      }
      return complete(reply, form, {
        approved: false,
        code: verdict.code,
        message: sandboxCopy[locale][verdict.reason],
        brand: '',
        card,
        mdStatus: '1',
      });
    });

    scope.post('/sandbox/cmi/fim/3ds', { config, schema: hide }, async (request, reply) => {
      const body = request.body as Form;
      const form = verifiedForm(decodeState(body.state));
      if (!form) return html(reply, errorPage('fr', sandboxCopy.fr.invalidRequest), 400);
      const card = body.card ?? '';
      if ((body.code ?? '').trim() === threeDsTestCode) {
        return complete(reply, form, {
          approved: true,
          code: '00',
          message: '',
          brand: 'MASTERCARD',
          card,
          mdStatus: '1',
        });
      }
      return complete(reply, form, {
        approved: false,
        code: '05',
        message: sandboxCopy[localeOf(form)].declined3ds,
        brand: 'MASTERCARD',
        card,
        mdStatus: '0',
      });
    });

    // The XML API: refunds (Type=Credit) and the order history query, from the sandbox's ledger.
    scope.post('/sandbox/cmi/fim/api', { config, schema: hide }, async (request, reply) => {
      const fields = readCc5(String(request.body ?? ''));
      const answer = (values: Record<string, string>) =>
        reply.type('application/xml; charset=utf-8').send(cc5Document('CC5Response', values));
      if (
        fields.Name !== credentials.apiUser ||
        fields.Password !== credentials.apiPassword ||
        fields.ClientId !== credentials.clientId
      ) {
        return answer({ Response: 'Error', ProcReturnCode: '99', ErrMsg: 'Authentication failed' });
      }
      const oid = fields.OrderId ?? '';
      const [transaction] = await deps.db
        .select()
        .from(paymentsSandboxTransactions)
        .where(eq(paymentsSandboxTransactions.oid, oid));
      if (fields.ORDERHISTORY) {
        return answer({
          OrderId: oid,
          Response: 'Approved',
          ProcReturnCode: '00',
          ORDERSTATUS: transaction ? (transaction.status === 'captured' ? 'CAPTURED' : 'PREAUTH') : 'NONE',
        });
      }
      if (fields.Type !== 'Credit')
        return answer({ Response: 'Error', ProcReturnCode: '99', ErrMsg: 'Unsupported type' });
      const amount = parseAmount(fields.Total);
      if (!transaction || amount === null || amount <= 0) {
        return answer({ OrderId: oid, Response: 'Declined', ProcReturnCode: '99', ErrMsg: 'No such captured order' });
      }
      const [updated] = await deps.db
        .update(paymentsSandboxTransactions)
        .set({ refundedMinor: sql`${paymentsSandboxTransactions.refundedMinor} + ${amount}` })
        .where(
          sql`${paymentsSandboxTransactions.oid} = ${oid} and ${paymentsSandboxTransactions.refundedMinor} + ${amount} <= ${paymentsSandboxTransactions.amountMinor}`,
        )
        .returning();
      if (!updated) {
        return answer({
          OrderId: oid,
          Response: 'Declined',
          ProcReturnCode: '99',
          ErrMsg: `Credit above ${formatAmount(transaction.amountMinor - transaction.refundedMinor)}`,
        });
      }
      return answer({
        OrderId: oid,
        Response: 'Approved',
        ProcReturnCode: '00',
        TransId: `SBXR${randomBytes(4).toString('hex').toUpperCase()}`,
      });
    });
  };
}
