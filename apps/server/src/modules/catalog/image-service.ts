import { randomUUID } from 'node:crypto';
import { type ProductImageView, productImageRules } from '@souk/contracts/catalog';
import type { Locale } from '@souk/contracts/locales';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { type EncodeOptions, type ProcessedImage, processImage } from './image-processing.ts';
import { assertNoProblems, fieldError } from './product-rules.ts';
import type { ProductService } from './product-service.ts';
import { imageView } from './product-views.ts';
import { catalogProductImages, catalogProducts } from './schema.ts';

/** A deal's gallery: uploads (checked and resized once), alt texts, order, removal. */
export class ImageService {
  constructor(
    private readonly deps: {
      db: Database;
      files: FileStore;
      products: ProductService;
      onChange(): void;
    },
  ) {}

  async upload(userId: string, productId: string, bytes: Buffer, locale: Locale): Promise<ProductImageView> {
    const product = await this.deps.products.loadForMember(userId, productId, 'editor');
    await this.assertRoom(product.id, locale);
    const checked = await processImage(bytes);
    if (!checked.ok) assertNoProblems([fieldError(locale, 'file', checked.problem)]);
    const image = (checked as { image: ProcessedImage }).image;
    return this.store(product.id, image, '');
  }

  /** Stores encoded files and the row; the seed calls it with images it encoded itself. */
  async store(productId: string, image: ProcessedImage, alt: string): Promise<ProductImageView> {
    const id = randomUUID();
    const prefix = `catalog/images/${id}`;
    await Promise.all(
      [image.original, ...image.variants].map((file) => this.deps.files.put(`${prefix}/${file.name}`, file.bytes)),
    );
    const [row] = await this.deps.db
      .insert(catalogProductImages)
      .values({
        id,
        productId,
        alt,
        width: image.width,
        height: image.height,
        placeholder: image.placeholder,
        originalKey: `${prefix}/${image.original.name}`,
        variants: image.variants.map((variant) => ({
          format: variant.format,
          width: variant.width,
          key: `${prefix}/${variant.name}`,
        })),
        position: sql`(select coalesce(max(${catalogProductImages.position}) + 1, 0) from ${catalogProductImages} where ${catalogProductImages.productId} = ${productId})`,
      })
      .returning();
    await this.touch(productId);
    return imageView(row as typeof catalogProductImages.$inferSelect);
  }

  /** Encodes an image the way uploads are, with options (the seed trades quality for speed). */
  encode(bytes: Buffer, options?: EncodeOptions) {
    return processImage(bytes, options);
  }

  async updateAlt(userId: string, productId: string, imageId: string, alt: string): Promise<ProductImageView> {
    await this.deps.products.loadForMember(userId, productId, 'editor');
    const [row] = await this.deps.db
      .update(catalogProductImages)
      .set({ alt })
      .where(and(eq(catalogProductImages.id, imageId), eq(catalogProductImages.productId, productId)))
      .returning();
    if (!row) throw new AppError('not_found');
    await this.touch(productId);
    return imageView(row);
  }

  async remove(userId: string, productId: string, imageId: string): Promise<void> {
    await this.deps.products.loadForMember(userId, productId, 'editor');
    const [row] = await this.deps.db
      .delete(catalogProductImages)
      .where(and(eq(catalogProductImages.id, imageId), eq(catalogProductImages.productId, productId)))
      .returning();
    if (!row) throw new AppError('not_found');
    await this.deps.files.deletePrefix(`catalog/images/${row.id}`);
    await this.touch(productId);
  }

  /** The new order must name every image of the deal exactly once: no silent drops or strays. */
  async reorder(userId: string, productId: string, ids: string[], locale: Locale): Promise<ProductImageView[]> {
    await this.deps.products.loadForMember(userId, productId, 'editor');
    const current = await this.deps.db
      .select({ id: catalogProductImages.id })
      .from(catalogProductImages)
      .where(eq(catalogProductImages.productId, productId));
    const known = new Set(current.map((row) => row.id));
    if (new Set(ids).size !== ids.length || ids.length !== known.size || ids.some((id) => !known.has(id))) {
      assertNoProblems([fieldError(locale, 'body.ids', 'image_order_mismatch')]);
    }
    await this.deps.db.transaction(async (tx) => {
      for (const [position, id] of ids.entries()) {
        await tx.update(catalogProductImages).set({ position }).where(eq(catalogProductImages.id, id));
      }
    });
    await this.touch(productId);
    const rows = await this.deps.db
      .select()
      .from(catalogProductImages)
      .where(eq(catalogProductImages.productId, productId))
      .orderBy(catalogProductImages.position);
    return rows.map(imageView);
  }

  private async assertRoom(productId: string, locale: Locale): Promise<void> {
    const [row] = await this.deps.db
      .select({ count: sql<number>`count(*)::int` })
      .from(catalogProductImages)
      .where(eq(catalogProductImages.productId, productId));
    if ((row?.count ?? 0) >= productImageRules.maxPerProduct) {
      assertNoProblems([fieldError(locale, 'file', 'too_many_images')]);
    }
  }

  /** A gallery change is a change of the deal: its sitemap lastmod and the public cache follow. */
  private async touch(productId: string): Promise<void> {
    await this.deps.db.update(catalogProducts).set({ updatedAt: new Date() }).where(eq(catalogProducts.id, productId));
    this.deps.onChange();
  }
}
