import { productImageRules } from '@souk/contracts/catalog';
import type { CatalogProblem } from '@souk/contracts/catalog-messages';
import sharp from 'sharp';

export type ImageType = (typeof productImageRules.types)[number];

const extensionOf: Record<ImageType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
};

/** The type by the first bytes, whatever the file name or declared type claim. */
export function sniffImageType(bytes: Buffer): ImageType | null {
  if (bytes.length < 12) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'image/webp';
  }
  // ISO-BMFF: a `ftyp` box whose major or compatible brands name AVIF.
  if (bytes.subarray(4, 8).toString('latin1') === 'ftyp') {
    const boxSize = Math.min(bytes.readUInt32BE(0), bytes.length, 64);
    const brands = bytes.subarray(8, boxSize).toString('latin1');
    if (brands.includes('avif') || brands.includes('avis')) return 'image/avif';
  }
  return null;
}

export interface EncodedFile {
  name: string;
  bytes: Buffer;
  contentType: string;
}

export interface ProcessedImage {
  width: number;
  height: number;
  placeholder: string;
  original: EncodedFile;
  variants: (EncodedFile & { format: 'webp' | 'avif'; width: number })[];
}

export type ImageCheck = { ok: true; image: ProcessedImage } | { ok: false; problem: CatalogProblem };

export interface EncodeOptions {
  /** Widths to produce (those at or above the original's width collapse into one at its width). */
  widths?: readonly number[];
  /** AVIF effort 0-9: 0 is fastest; the seed uses it to stay quick. */
  avifEffort?: number;
}

/**
 * Checks and encodes an uploaded image. The order matters for safety: type by magic bytes, then
 * the dimensions from the header (sharp's metadata() does not decode pixels), so a small file
 * declaring 100 megapixels is refused before any memory is spent decoding it. Decoding itself is
 * capped by `limitInputPixels` as a second guard. Re-encoding drops EXIF (GPS) and trailing data.
 */
export async function processImage(bytes: Buffer, options: EncodeOptions = {}): Promise<ImageCheck> {
  if (bytes.length > productImageRules.maxBytes) return { ok: false, problem: 'image_too_large' };
  const type = sniffImageType(bytes);
  if (!type) return { ok: false, problem: 'image_type' };
  let width: number;
  let height: number;
  try {
    const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
    width = metadata.autoOrient?.width ?? metadata.width ?? 0;
    height = metadata.autoOrient?.height ?? metadata.height ?? 0;
  } catch {
    return { ok: false, problem: 'image_unreadable' };
  }
  if (width <= 0 || height <= 0) return { ok: false, problem: 'image_unreadable' };
  if (width * height > productImageRules.maxPixels) return { ok: false, problem: 'image_too_many_pixels' };
  try {
    return { ok: true, image: await encode(bytes, type, width, height, options) };
  } catch {
    return { ok: false, problem: 'image_unreadable' };
  }
}

async function encode(
  bytes: Buffer,
  type: ImageType,
  width: number,
  height: number,
  options: EncodeOptions,
): Promise<ProcessedImage> {
  const source = sharp(bytes, { limitInputPixels: productImageRules.maxPixels, failOn: 'error' }).rotate();
  const originalPipeline = source.clone();
  const original =
    type === 'image/png'
      ? originalPipeline.png({ compressionLevel: 6 })
      : type === 'image/webp'
        ? originalPipeline.webp({ quality: 85 })
        : type === 'image/avif'
          ? originalPipeline.avif({ quality: 60, effort: 2 })
          : originalPipeline.jpeg({ quality: 85, mozjpeg: false });
  const widths = variantWidths(width, options.widths ?? productImageRules.variantWidths);
  const avifEffort = options.avifEffort ?? 2;
  const [originalBytes, placeholder, ...encoded] = await Promise.all([
    original.toBuffer(),
    source.clone().resize(16).blur(1).webp({ quality: 40 }).toBuffer(),
    ...widths.flatMap((target) => [
      source.clone().resize(target).webp({ quality: 78, effort: 3 }).toBuffer(),
      source.clone().resize(target).avif({ quality: 50, effort: avifEffort }).toBuffer(),
    ]),
  ]);
  const variants = widths.flatMap((target, index) => [
    {
      format: 'webp' as const,
      width: target,
      name: `w${target}.webp`,
      contentType: 'image/webp',
      bytes: encoded[index * 2] as Buffer,
    },
    {
      format: 'avif' as const,
      width: target,
      name: `w${target}.avif`,
      contentType: 'image/avif',
      bytes: encoded[index * 2 + 1] as Buffer,
    },
  ]);
  return {
    width,
    height,
    placeholder: `data:image/webp;base64,${placeholder.toString('base64')}`,
    original: { name: `original.${extensionOf[type]}`, bytes: originalBytes, contentType: type },
    variants,
  };
}

/** The configured widths narrower than the image, plus the image's own width if it is smaller. */
function variantWidths(width: number, candidates: readonly number[]): number[] {
  const smaller = candidates.filter((candidate) => candidate < width);
  return smaller.length === candidates.length ? smaller : [...smaller, width];
}

/** Content types served from /media, by file extension (the server chose every name). */
export const mediaContentTypes: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
};
