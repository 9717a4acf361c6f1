import { randomBytes } from 'node:crypto';
import type { Currency } from '@souk/contracts/catalog';
import type { GatewayId } from '@souk/contracts/payments';
import { cmiRequestHash, verifyCmiHash } from './cmi-hash.ts';
import { cc5Document, readCc5 } from './cmi-xml.ts';
import {
  formatAmount,
  GatewayFailure,
  NotificationRejected,
  type PaymentGateway,
  type PaymentNotification,
  parseAmount,
  type RefundInput,
  type StartedPayment,
  type StartPaymentInput,
} from './gateway.ts';
import type { GatewayHttp } from './gateway-http.ts';

/** ISO 4217 numeric code of the Moroccan dirham: the only currency CMI takes here. */
const madNumeric = '504';

export interface CmiSettings {
  id: Extract<GatewayId, 'cmi' | 'sandbox'>;
  clientId: string;
  storeKey: string;
  apiUser: string | null;
  apiPassword: string | null;
  /** The payment page is `${baseUrl}/fim/est3Dgate`, the API `${baseUrl}/fim/api`. */
  baseUrl: string;
  test: boolean;
}

/**
 * CMI's 3D_PAY_HOSTING: a signed form the browser posts to CMI's page, a signed server-to-server
 * callback that alone fulfils, and an XML API for refunds. The sandbox is this same adapter
 * pointed at the built-in test gateway.
 */
export class CmiGateway implements PaymentGateway {
  readonly currencies: readonly Currency[] = ['MAD'];

  constructor(
    private readonly settings: CmiSettings,
    private readonly http: GatewayHttp,
  ) {}

  get id() {
    return this.settings.id;
  }

  get test() {
    return this.settings.test;
  }

  async start(input: StartPaymentInput): Promise<StartedPayment> {
    const fields: Record<string, string> = {
      clientid: this.settings.clientId,
      storetype: '3D_PAY_HOSTING',
      TranType: 'PreAuth',
      amount: formatAmount(input.amountMinor),
      currency: madNumeric,
      oid: input.reference,
      okUrl: input.urls.ok,
      failUrl: input.urls.fail,
      callbackUrl: input.urls.callback,
      shopurl: input.urls.shop,
      lang: input.locale,
      rnd: `${randomBytes(12).toString('hex')} ${Math.floor(Date.now() / 1000)}`,
      hashAlgorithm: 'ver3',
      encoding: 'UTF-8',
      BillToName: input.buyer.name,
      email: input.buyer.email,
      tel: input.buyer.phone,
      description: input.description.slice(0, 250),
      AutoRedirect: 'true',
      CallbackResponse: 'true',
      sessionTimeout: '1800',
    };
    // The store key signs the form; it is never one of its fields.
    fields.HASH = cmiRequestHash(fields, this.settings.storeKey);
    return {
      start: { kind: 'form', action: `${this.settings.baseUrl}/fim/est3Dgate`, fields },
      gatewayReference: input.reference,
    };
  }

  /** A callback (or the browser's return) whose HASH is CMI's; throws NotificationRejected otherwise. */
  verifyCallback(params: Record<string, string>): PaymentNotification {
    const oid = params.oid ?? params.OID;
    if (!verifyCmiHash(params, this.settings.storeKey)) {
      throw new NotificationRejected('hash_mismatch', oid ? { reference: oid } : null);
    }
    if (!oid) throw new NotificationRejected('missing_oid');
    const amountMinor = parseAmount(params.amount);
    if (amountMinor === null) throw new NotificationRejected('bad_amount', { reference: oid });
    const approved = params.ProcReturnCode === '00';
    return {
      orderKey: { reference: oid },
      outcome: approved ? 'approved' : 'declined',
      amountMinor,
      currency: params.currency === madNumeric || params.currency === undefined ? 'MAD' : null,
      gatewayReference: oid,
      paymentReference: params.TransId ?? null,
      message: approved ? null : (params.ErrMsg ?? params.Response ?? null),
      eventId: null,
      eventType: approved ? 'callback.approved' : 'callback.declined',
    };
  }

  async refund(input: RefundInput): Promise<{ reference: string }> {
    const answer = await this.api({
      Type: 'Credit',
      OrderId: input.reference,
      Total: formatAmount(input.amountMinor),
      Currency: madNumeric,
    });
    if (answer.Response !== 'Approved' || answer.ProcReturnCode !== '00') {
      throw new GatewayFailure('refused', answer.ErrMsg || answer.Response || 'refund declined');
    }
    return { reference: answer.TransId ?? input.idempotencyKey };
  }

  async status(input: { reference: string }): Promise<'paid' | 'unpaid' | 'unknown'> {
    const answer = await this.api({ OrderId: input.reference, ORDERHISTORY: 'QUERY' });
    if (answer.Response !== 'Approved') return 'unknown';
    return answer.ORDERSTATUS === 'CAPTURED' || answer.ORDERSTATUS === 'PREAUTH' ? 'paid' : 'unpaid';
  }

  private async api(fields: Record<string, string>): Promise<Record<string, string>> {
    if (!this.settings.apiUser || !this.settings.apiPassword) {
      throw new GatewayFailure('unavailable', 'CMI API credentials are not configured');
    }
    const { ORDERHISTORY, ...rest } = fields;
    let xml = cc5Document('CC5Request', {
      Name: this.settings.apiUser,
      Password: this.settings.apiPassword,
      ClientId: this.settings.clientId,
      ...rest,
    });
    if (ORDERHISTORY)
      xml = xml.replace('</CC5Request>', `<Extra><ORDERHISTORY>${ORDERHISTORY}</ORDERHISTORY></Extra></CC5Request>`);
    const answer = await this.http.send({
      method: 'POST',
      url: `${this.settings.baseUrl}/fim/api`,
      headers: { 'content-type': 'application/xml; charset=utf-8' },
      body: xml,
    });
    if (answer.status >= 500) throw new GatewayFailure('unavailable', `CMI API answered ${answer.status}`);
    if (answer.status !== 200) throw new GatewayFailure('refused', `CMI API answered ${answer.status}`);
    return readCc5(answer.body);
  }
}
