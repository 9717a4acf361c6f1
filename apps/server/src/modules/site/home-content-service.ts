import type { Locale } from '@souk/contracts/locales';
import type {
  FaqEntryInput,
  FaqEntryView,
  PublicFaqEntry,
  PublicTestimonial,
  TestimonialInput,
  TestimonialView,
} from '@souk/contracts/site';
import { asc, count, eq } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/app-error.ts';
import { demoFaqEntries, demoTestimonials } from './demo-content.ts';
import { siteFaqEntries, siteTestimonials } from './schema.ts';

type TestimonialRow = typeof siteTestimonials.$inferSelect;
type FaqRow = typeof siteFaqEntries.$inferSelect;

function testimonialView(row: TestimonialRow): TestimonialView {
  return {
    id: row.id,
    authorName: row.authorName,
    position: row.position,
    published: row.published,
    translations: row.translations,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function faqView(row: FaqRow): FaqEntryView {
  return {
    id: row.id,
    position: row.position,
    published: row.published,
    translations: row.translations,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Testimonials and FAQ of the home page: admins edit them, visitors read the published ones. */
export class HomeContentService {
  constructor(private readonly db: Database) {}

  async publishedTestimonials(locale: Locale): Promise<PublicTestimonial[]> {
    const rows = await this.db
      .select()
      .from(siteTestimonials)
      .where(eq(siteTestimonials.published, true))
      .orderBy(asc(siteTestimonials.position), asc(siteTestimonials.createdAt));
    return rows.map((row) => ({ id: row.id, authorName: row.authorName, ...row.translations[locale] }));
  }

  async publishedFaq(locale: Locale): Promise<PublicFaqEntry[]> {
    const rows = await this.db
      .select()
      .from(siteFaqEntries)
      .where(eq(siteFaqEntries.published, true))
      .orderBy(asc(siteFaqEntries.position), asc(siteFaqEntries.createdAt));
    return rows.map((row) => ({ id: row.id, ...row.translations[locale] }));
  }

  async listTestimonials(): Promise<TestimonialView[]> {
    const rows = await this.db
      .select()
      .from(siteTestimonials)
      .orderBy(asc(siteTestimonials.position), asc(siteTestimonials.createdAt));
    return rows.map(testimonialView);
  }

  async createTestimonial(input: TestimonialInput): Promise<TestimonialView> {
    const [row] = await this.db.insert(siteTestimonials).values(input).returning();
    if (!row) throw new Error('site_testimonials insert returned no row');
    return testimonialView(row);
  }

  async updateTestimonial(id: string, input: TestimonialInput): Promise<TestimonialView> {
    const [row] = await this.db
      .update(siteTestimonials)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(siteTestimonials.id, id))
      .returning();
    if (!row) throw notFound();
    return testimonialView(row);
  }

  async deleteTestimonial(id: string): Promise<void> {
    const deleted = await this.db
      .delete(siteTestimonials)
      .where(eq(siteTestimonials.id, id))
      .returning({ id: siteTestimonials.id });
    if (deleted.length === 0) throw notFound();
  }

  async listFaq(): Promise<FaqEntryView[]> {
    const rows = await this.db
      .select()
      .from(siteFaqEntries)
      .orderBy(asc(siteFaqEntries.position), asc(siteFaqEntries.createdAt));
    return rows.map(faqView);
  }

  async createFaqEntry(input: FaqEntryInput): Promise<FaqEntryView> {
    const [row] = await this.db.insert(siteFaqEntries).values(input).returning();
    if (!row) throw new Error('site_faq_entries insert returned no row');
    return faqView(row);
  }

  async updateFaqEntry(id: string, input: FaqEntryInput): Promise<FaqEntryView> {
    const [row] = await this.db
      .update(siteFaqEntries)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(siteFaqEntries.id, id))
      .returning();
    if (!row) throw notFound();
    return faqView(row);
  }

  async deleteFaqEntry(id: string): Promise<void> {
    const deleted = await this.db
      .delete(siteFaqEntries)
      .where(eq(siteFaqEntries.id, id))
      .returning({ id: siteFaqEntries.id });
    if (deleted.length === 0) throw notFound();
  }

  /** Demo content, only into empty tables: running the seed twice changes nothing. */
  async seedDemoContent(): Promise<{ testimonials: number; faq: number }> {
    const [testimonials] = await this.db.select({ value: count() }).from(siteTestimonials);
    const [faq] = await this.db.select({ value: count() }).from(siteFaqEntries);
    let created = { testimonials: 0, faq: 0 };
    if (!testimonials?.value) {
      await this.db.insert(siteTestimonials).values([...demoTestimonials]);
      created = { ...created, testimonials: demoTestimonials.length };
    }
    if (!faq?.value) {
      await this.db.insert(siteFaqEntries).values([...demoFaqEntries]);
      created = { ...created, faq: demoFaqEntries.length };
    }
    return created;
  }
}
