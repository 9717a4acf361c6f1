import type { DocumentProblem } from '@souk/contracts/identifier-messages';
import sharp from 'sharp';

export const maxDocumentBytes = 10 * 1024 * 1024;

export type DocumentType = 'image/jpeg' | 'image/png' | 'application/pdf';

export type CheckedDocument = { ok: true; type: DocumentType; bytes: Buffer } | { ok: false; problem: DocumentProblem };

const extensionsOf: Record<DocumentType, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'application/pdf': ['pdf'],
};

/** The type by the first bytes, whatever the name or the declared type say. */
export function sniffType(bytes: Buffer): DocumentType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

/**
 * Names that make a PDF act on its own when opened (scripts, launched programs, embedded files).
 * A KYC scan never needs them; their presence is a reason to refuse, not to sanitise.
 */
const activePdfContent = /\/(JavaScript|JS|Launch|EmbeddedFile|OpenAction|AA|RichMedia|XFA)\b/;

/**
 * Decides what is stored: by content only (JPEG, PNG, PDF), the file name's extension must agree
 * with the content, PDFs must carry no active content, and images are re-encoded (which drops
 * EXIF, GPS and any trailing bytes) after applying their orientation.
 */
export async function checkDocument(bytes: Buffer, fileName: string): Promise<CheckedDocument> {
  if (bytes.length > maxDocumentBytes) return { ok: false, problem: 'file_too_large' };
  const type = sniffType(bytes);
  if (!type) return { ok: false, problem: 'file_type' };
  const extension = fileName.toLowerCase().split('.').at(-1) ?? '';
  if (!extensionsOf[type].includes(extension)) return { ok: false, problem: 'file_mismatch' };
  if (type === 'application/pdf') {
    return activePdfContent.test(bytes.toString('latin1'))
      ? { ok: false, problem: 'file_unsafe' }
      : { ok: true, type, bytes };
  }
  try {
    const image = sharp(bytes, { limitInputPixels: 50_000_000 }).rotate();
    const output = type === 'image/png' ? await image.png().toBuffer() : await image.jpeg({ quality: 88 }).toBuffer();
    return { ok: true, type, bytes: output };
  } catch {
    return { ok: false, problem: 'file_unreadable' };
  }
}
