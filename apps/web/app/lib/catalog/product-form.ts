import type { Commission, ProductCreateInput, ProductView } from '@souk/contracts/catalog';
import { fromLocalInput, toLocalInput } from './casablanca-time';
import { decimalToMinor, minorToDecimal } from './minor-units';
import { htmlToMarkup, markupToHtml } from './simple-markup';

export interface FaqEntry {
  question: string;
  answer: string;
}

/** The editor's fields as text, the way the form shows and sends them (prices in MAD). */
export interface ProductFormValues {
  title: string;
  slug: string;
  categoryId: string;
  description: string;
  originalPrice: string;
  price: string;
  stockQuantity: string;
  minPerPurchase: string;
  maxPerPurchase: string;
  expiresAt: string;
  highlights: string[];
  included: string[];
  howItWorks: string[];
  conditions: string;
  faq: FaqEntry[];
  address: string;
  city: string;
  latitude: string;
  longitude: string;
  featuredRequested: boolean;
  dealOfTheDayRequested: boolean;
  commissionType: '' | Commission['type'];
  commissionValue: string;
}

export const emptyProductForm: ProductFormValues = {
  title: '',
  slug: '',
  categoryId: '',
  description: '',
  originalPrice: '',
  price: '',
  stockQuantity: '',
  minPerPurchase: '1',
  maxPerPurchase: '',
  expiresAt: '',
  highlights: [],
  included: [],
  howItWorks: [],
  conditions: '',
  faq: [],
  address: '',
  city: '',
  latitude: '',
  longitude: '',
  featuredRequested: false,
  dealOfTheDayRequested: false,
  commissionType: '',
  commissionValue: '',
};

function commissionValueText(commission: Commission | null): string {
  if (!commission) return '';
  // Basis points shown as a percent (1 250 -> "12.5"), fixed amounts in MAD.
  return commission.type === 'percentage'
    ? String(commission.basisPoints / 100)
    : minorToDecimal(commission.amountMinor);
}

export function formValuesOf(product: ProductView): ProductFormValues {
  return {
    title: product.title,
    slug: product.slug,
    categoryId: product.categoryId,
    description: htmlToMarkup(product.descriptionHtml),
    originalPrice: minorToDecimal(product.originalPriceMinor),
    price: minorToDecimal(product.discountedPriceMinor),
    stockQuantity: product.stockQuantity === null ? '' : String(product.stockQuantity),
    minPerPurchase: String(product.minPerPurchase),
    maxPerPurchase: product.maxPerPurchase === null ? '' : String(product.maxPerPurchase),
    expiresAt: toLocalInput(product.expiresAt),
    highlights: product.highlights,
    included: product.included,
    howItWorks: product.howItWorks,
    conditions: product.conditions,
    faq: product.faq,
    address: product.location?.address ?? '',
    city: product.location?.city ?? '',
    latitude: product.location?.latitude?.toString() ?? '',
    longitude: product.location?.longitude?.toString() ?? '',
    featuredRequested: product.featured.state !== 'none',
    dealOfTheDayRequested: product.dealOfTheDay.state !== 'none',
    commissionType: product.commission?.type ?? '',
    commissionValue: commissionValueText(product.commission),
  };
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};
const texts = (form: FormData, name: string) =>
  form
    .getAll(name)
    .map((value) => (typeof value === 'string' ? value.trim() : ''))
    .filter(Boolean);

export function formValuesFrom(form: FormData): ProductFormValues {
  const questions = form.getAll('faqQuestion').map((value) => String(value).trim());
  const answers = form.getAll('faqAnswer').map((value) => String(value).trim());
  const commissionType = text(form, 'commissionType');
  return {
    title: text(form, 'title'),
    slug: text(form, 'slug'),
    categoryId: text(form, 'categoryId'),
    description: text(form, 'description'),
    originalPrice: text(form, 'originalPrice'),
    price: text(form, 'price'),
    stockQuantity: text(form, 'stockQuantity'),
    minPerPurchase: text(form, 'minPerPurchase'),
    maxPerPurchase: text(form, 'maxPerPurchase'),
    expiresAt: text(form, 'expiresAt'),
    highlights: texts(form, 'highlights'),
    included: texts(form, 'included'),
    howItWorks: texts(form, 'howItWorks'),
    conditions: text(form, 'conditions'),
    faq: questions
      .map((question, index) => ({ question, answer: answers[index] ?? '' }))
      .filter((entry) => entry.question || entry.answer),
    address: text(form, 'address'),
    city: text(form, 'city'),
    latitude: text(form, 'latitude'),
    longitude: text(form, 'longitude'),
    featuredRequested: form.get('featuredRequested') === 'on',
    dealOfTheDayRequested: form.get('dealOfTheDayRequested') === 'on',
    commissionType: commissionType === 'percentage' || commissionType === 'fixed' ? commissionType : '',
    commissionValue: text(form, 'commissionValue'),
  };
}

/** Problems the form can name before asking the API (a price that is not a number). */
export type LocalFieldProblem = 'amount' | 'number' | 'date';

function optionalInteger(value: string): number | null | 'invalid' {
  if (!value) return null;
  const number = Number(value);
  return Number.isInteger(number) ? number : 'invalid';
}

function optionalNumber(value: string): number | null | 'invalid' {
  if (!value) return null;
  const number = Number(value.replace(',', '.'));
  return Number.isFinite(number) ? number : 'invalid';
}

/**
 * The API body for the form's values, or the fields that are not even numbers/dates. Cross-field
 * rules (deal price above the original, max below min) are the API's to judge.
 */
export function productPayloadOf(
  values: ProductFormValues,
): { ok: true; payload: ProductCreateInput } | { ok: false; problems: Record<string, LocalFieldProblem> } {
  const problems: Record<string, LocalFieldProblem> = {};
  const originalPriceMinor = decimalToMinor(values.originalPrice);
  if (originalPriceMinor === null) problems.originalPrice = 'amount';
  const discountedPriceMinor = decimalToMinor(values.price);
  if (discountedPriceMinor === null) problems.price = 'amount';
  const stockQuantity = optionalInteger(values.stockQuantity);
  if (stockQuantity === 'invalid') problems.stockQuantity = 'number';
  const minPerPurchase = optionalInteger(values.minPerPurchase);
  if (minPerPurchase === 'invalid') problems.minPerPurchase = 'number';
  const maxPerPurchase = optionalInteger(values.maxPerPurchase);
  if (maxPerPurchase === 'invalid') problems.maxPerPurchase = 'number';
  const latitude = optionalNumber(values.latitude);
  if (latitude === 'invalid') problems.latitude = 'number';
  const longitude = optionalNumber(values.longitude);
  if (longitude === 'invalid') problems.longitude = 'number';
  const expiresAt = values.expiresAt ? fromLocalInput(values.expiresAt) : null;
  if (values.expiresAt && !expiresAt) problems.expiresAt = 'date';

  let commission: Commission | null = null;
  if (values.commissionType === 'percentage') {
    const percent = optionalNumber(values.commissionValue);
    if (typeof percent !== 'number') problems.commissionValue = 'number';
    else commission = { type: 'percentage', basisPoints: Math.round(percent * 100) };
  } else if (values.commissionType === 'fixed') {
    const amountMinor = decimalToMinor(values.commissionValue);
    if (amountMinor === null) problems.commissionValue = 'amount';
    else commission = { type: 'fixed', amountMinor };
  }

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const hasLocation = Boolean(values.address || values.city);
  return {
    ok: true,
    payload: {
      title: values.title,
      ...(values.slug ? { slug: values.slug } : {}),
      categoryId: values.categoryId,
      descriptionHtml: markupToHtml(values.description),
      originalPriceMinor: originalPriceMinor ?? 0,
      discountedPriceMinor: discountedPriceMinor ?? 0,
      currency: 'MAD',
      highlights: values.highlights,
      included: values.included,
      howItWorks: values.howItWorks,
      conditions: values.conditions,
      faq: values.faq,
      location: hasLocation
        ? {
            address: values.address,
            city: values.city,
            latitude: latitude === 'invalid' ? null : latitude,
            longitude: longitude === 'invalid' ? null : longitude,
          }
        : null,
      expiresAt,
      stockQuantity: stockQuantity === 'invalid' ? null : stockQuantity,
      minPerPurchase: minPerPurchase === 'invalid' || minPerPurchase === null ? 1 : minPerPurchase,
      maxPerPurchase: maxPerPurchase === 'invalid' ? null : maxPerPurchase,
      featuredRequested: values.featuredRequested,
      dealOfTheDayRequested: values.dealOfTheDayRequested,
      commission,
    },
  };
}

/** The form field an API error path points at ("body.location.city" -> "city", "body.faq.2.answer" -> "faq"). */
export function formFieldOfApiPath(path: string): string {
  const segments = path.replace(/^body\.?/, '').split('.');
  const [head = '', second] = segments;
  if (head === 'location' && second) return second;
  if (head === 'commission') return 'commissionValue';
  if (head === 'originalPriceMinor') return 'originalPrice';
  if (head === 'discountedPriceMinor') return 'price';
  if (head === 'descriptionHtml') return 'description';
  return head;
}
