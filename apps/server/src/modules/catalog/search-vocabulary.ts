import { desc, like, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.ts';
import { catalogSearchWords } from './schema.ts';

/** Below this length a word has too few trigrams for a correction to mean anything. */
const minimumCorrectableLength = 4;
/** pg_trgm similarity a correction needs ("masage" → "massage" is 0.67). */
const correctionThreshold = 0.45;

/** Adds the words of search documents to the vocabulary (already folded, space-separated). */
export async function rememberWords(executor: Executor, documents: string[]): Promise<void> {
  const words = [...new Set(documents.flatMap((document) => document.split(' ')))].filter(
    (word) => word.length >= 2 && word.length <= 60,
  );
  for (let start = 0; start < words.length; start += 1000) {
    await executor
      .insert(catalogSearchWords)
      .values(words.slice(start, start + 1000).map((word) => ({ word })))
      .onConflictDoNothing();
  }
}

/**
 * The full-text alternatives for one query word. A word some product contains (or starts) is
 * searched as typed, as a prefix. An unknown word is taken as a typo and replaced by the closest
 * words of the vocabulary by trigram similarity: "masage" searches "massage". Correcting against
 * the vocabulary (thousands of words) rather than matching every product by similarity keeps a
 * search one index lookup however large the catalog grows.
 */
export async function alternativesFor(db: Database, term: string): Promise<string[]> {
  const [known] = await db
    .select({ word: catalogSearchWords.word })
    .from(catalogSearchWords)
    .where(like(catalogSearchWords.word, `${term}%`))
    .limit(1);
  if (known || term.length < minimumCorrectableLength) return [`${term}:*`];
  const similarity = sql<number>`similarity(${catalogSearchWords.word}, ${term})`;
  const corrections = await db
    .select({ word: catalogSearchWords.word })
    .from(catalogSearchWords)
    .where(sql`${catalogSearchWords.word} % ${term} and ${similarity} >= ${correctionThreshold}`)
    .orderBy(desc(similarity), catalogSearchWords.word)
    .limit(3);
  return corrections.length > 0 ? corrections.map((row) => row.word) : [`${term}:*`];
}

/** A tsquery string: every word must match, each through one of its alternatives. */
export function allWordsQuery(alternatives: string[][]): string {
  return alternatives.map((options) => `(${options.join(' | ')})`).join(' & ');
}

/** A tsquery string matching any alternative of any word, for ranking. */
export function anyWordQuery(alternatives: string[][]): string {
  return alternatives.flat().join(' | ');
}
