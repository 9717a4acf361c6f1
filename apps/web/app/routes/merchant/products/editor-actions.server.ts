import type { ProductView } from '@souk/contracts/catalog';
import { errorTitles } from '@souk/contracts/error-messages';
import type { Problem } from '@souk/contracts/errors';
import type { Locale } from '@souk/contracts/locales';
import { type AppLoadContext, data, redirect } from 'react-router';
import { type ApiFailure, type ApiResult, apiJson } from '../../../lib/api.server';
import { formText, problemMessage } from '../../../lib/auth-feedback.server';
import { quotaRefusalOf } from '../../../lib/billing/quota-refusal.server';
import { merchantApi } from '../../../lib/catalog/catalog-api';
import {
  formFieldOfApiPath,
  formValuesFrom,
  type ProductFormValues,
  productPayloadOf,
} from '../../../lib/catalog/product-form';
import { translations } from '../../../lib/i18n';
import { multipartFile } from '../../../lib/multipart.server';
import { signInPath } from '../../../lib/safe-redirect';
import { movedOrder } from './image-manager';

export type EditorActionData =
  | { ok: true; intent: string }
  | {
      ok: false;
      intent: string;
      error: string;
      fieldErrors: Record<string, string>;
      values?: ProductFormValues;
      /** A refusal at the plan's limit (publishing one deal too many): the upgrade button's target. */
      upgradeUrl?: string;
    };

interface ActionInput {
  context: AppLoadContext;
  request: Request;
  locale: Locale;
  teamId: string;
  productId: string | null;
  form: FormData;
}

function failure(result: ApiFailure, intent: string, locale: Locale, request: Request, values?: ProductFormValues) {
  if (result.status === 401) throw redirect(signInPath(new URL(request.url).pathname));
  const fieldErrors: Record<string, string> = {};
  for (const { path, message } of result.problem.errors ?? []) fieldErrors[formFieldOfApiPath(path)] ??= message;
  const quota = quotaRefusalOf(result, locale);
  const error = quota?.error ?? result.problem.detail ?? problemMessage(result, locale);
  return data<EditorActionData>(
    { ok: false, intent, error, fieldErrors, ...(values ? { values } : {}), upgradeUrl: quota?.upgradeUrl },
    { status: result.status },
  );
}

const done = (intent: string) => data<EditorActionData>({ ok: true, intent });

async function save({ context, request, locale, teamId, productId, form }: ActionInput) {
  const values = formValuesFrom(form);
  const payload = productPayloadOf(values);
  if (!payload.ok) {
    const words = translations[locale].productEditor.problems;
    const fieldErrors = Object.fromEntries(
      Object.entries(payload.problems).map(([field, kind]) => [field, words[kind]]),
    );
    return data<EditorActionData>(
      { ok: false, intent: 'save', error: errorTitles[locale].validation_failed, fieldErrors, values },
      { status: 422 },
    );
  }
  const result = productId
    ? await apiJson<ProductView>(context, merchantApi.product(teamId, productId), {
        method: 'PATCH',
        json: payload.payload,
      })
    : await apiJson<ProductView>(context, merchantApi.create(teamId), { method: 'POST', json: payload.payload });
  if (!result.ok) return failure(result, 'save', locale, request, values);
  if (!productId) throw redirect(`/merchant/products/${result.data.id}?created=1`);
  return done('save');
}

/** Forwards each chosen file to the API, one request per image, stopping at the first refusal. */
async function uploadImages({ context, request, locale, teamId, productId, form }: ActionInput) {
  const files = form.getAll('files').filter((file): file is File => file instanceof File && file.size > 0);
  if (!productId) return done('upload-images');
  if (files.length === 0) {
    const error = translations[locale].productEditor.imagesChoose;
    return data<EditorActionData>(
      { ok: false, intent: 'upload-images', error, fieldErrors: { files: error } },
      { status: 422 },
    );
  }
  for (const file of files) {
    const { body, contentType } = await multipartFile('file', file);
    const response = await context.api(merchantApi.images(teamId, productId), {
      method: 'POST',
      body: body as unknown as BodyInit,
      headers: { 'content-type': contentType, accept: 'application/json' },
    });
    if (!response.ok) {
      const problem = (await response.json()) as Problem;
      if (response.status === 401) throw redirect(signInPath(new URL(request.url).pathname));
      const reason = problem.errors?.[0]?.message ?? problem.detail ?? problem.title;
      const error = `${file.name} : ${reason}`;
      return data<EditorActionData>(
        { ok: false, intent: 'upload-images', error, fieldErrors: { files: error } },
        { status: response.status },
      );
    }
  }
  return done('upload-images');
}

async function reorder(input: ActionInput, ids: string[], intent: string) {
  const { context, request, locale, teamId, productId } = input;
  if (!productId) return done(intent);
  const result = await apiJson(context, merchantApi.imageOrder(teamId, productId), { method: 'PUT', json: { ids } });
  if (!result.ok) return failure(result, intent, locale, request);
  return done(intent);
}

export async function editorAction(input: ActionInput) {
  const { context, request, locale, teamId, productId, form } = input;
  const intent = formText(form, 'intent');
  const simple = async (result: Promise<ApiResult<unknown>>) => {
    const outcome = await result;
    return outcome.ok ? done(intent) : failure(outcome, intent, locale, request);
  };
  if (intent === 'save') return save(input);
  if (!productId)
    return data<EditorActionData>({ ok: false, intent, error: 'Unknown action', fieldErrors: {} }, { status: 400 });

  switch (intent) {
    case 'publish':
    case 'unpublish':
    case 'archive':
      return simple(apiJson(context, merchantApi.transition(teamId, productId, intent), { method: 'POST' }));
    case 'delete': {
      const result = await apiJson(context, merchantApi.product(teamId, productId), { method: 'DELETE' });
      if (!result.ok) return failure(result, intent, locale, request);
      throw redirect('/merchant/products?deleted=1');
    }
    case 'upload-images':
      return uploadImages(input);
    case 'image-alt':
      return simple(
        apiJson(context, merchantApi.image(teamId, productId, formText(form, 'imageId')), {
          method: 'PATCH',
          json: { alt: formText(form, 'alt') },
        }),
      );
    case 'image-delete':
      return simple(
        apiJson(context, merchantApi.image(teamId, productId, formText(form, 'imageId')), { method: 'DELETE' }),
      );
    case 'image-order':
      return reorder(input, formText(form, 'ids').split(',').filter(Boolean), intent);
    case 'image-move': {
      // The order is computed from the saved one, so two tabs cannot send a stale list.
      const current = await apiJson<ProductView>(context, merchantApi.product(teamId, productId));
      if (!current.ok) return failure(current, intent, locale, request);
      const ids = current.data.images.map((image) => image.id);
      const imageId = formText(form, 'imageId');
      const index = ids.indexOf(imageId);
      const target = formText(form, 'direction') === 'up' ? index - 1 : index + 1;
      if (index < 0 || target < 0 || target >= ids.length) return done(intent);
      return reorder(input, movedOrder(ids, imageId, target), intent);
    }
    default:
      return data<EditorActionData>({ ok: false, intent, error: 'Unknown action', fieldErrors: {} }, { status: 400 });
  }
}
