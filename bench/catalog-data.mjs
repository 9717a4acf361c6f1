// Bulk catalog rows for the benchmark: one INSERT … SELECT over generate_series, so 100,000
// products take seconds, not minutes. The search columns are filled the way the app fills them
// (lowercase, accents stripped), from a small vocabulary so full-text and trigram queries match.

const words = [
  'massage',
  'hammam',
  'tajine',
  'couscous',
  'riad',
  'surf',
  'spa',
  'brunch',
  'quad',
  'bivouac',
  'manucure',
  'coiffure',
  'concert',
  'excursion',
  'poterie',
  'pastilla',
  'yoga',
  'karting',
  'sauna',
  'diner',
];
const cities = ['Casablanca', 'Marrakech', 'Rabat', 'Tanger', 'Fes', 'Agadir', 'Essaouira', 'Meknes'];

const sqlArray = (values) => `array[${values.map((value) => `'${value}'`).join(',')}]`;

/** The search vocabulary the app keeps for typo correction, filled from the documents. */
export const vocabularySql = `
insert into catalog_search_words (word)
select distinct word from catalog_products, regexp_split_to_table(search_document, ' ') as word
where length(word) between 2 and 60
on conflict do nothing`;

/** Inserts `count` published deals spread over the existing categories and merchant teams. */
export function bulkProductsSql(count) {
  return `
with
  categories as (select array_agg(id order by position) as ids from catalog_categories),
  teams as (select array_agg(distinct organization_id) as ids from catalog_products),
  rows as (
    select g,
      (${sqlArray(words)})[1 + g % ${words.length}] as word1,
      (${sqlArray(words)})[1 + (g / ${words.length}) % ${words.length}] as word2,
      (${sqlArray(cities)})[1 + g % ${cities.length}] as city,
      (5000 + (g * 7919) % 500000) as original
    from generate_series(1, ${count}) as g
  )
insert into catalog_products (
  organization_id, status, title, slug, category_id, description_html, original_price_minor,
  discounted_price_minor, discount_percent, city, city_key, address, expires_at, search_document,
  published_at, created_at, updated_at)
select
  teams.ids[1 + g % array_length(teams.ids, 1)],
  'published',
  initcap(word1) || ' et ' || word2 || ' à ' || city || ' n°' || g,
  'bench-' || word1 || '-' || word2 || '-' || g,
  categories.ids[1 + g % array_length(categories.ids, 1)],
  '<p>Offre de test ' || word1 || ' ' || word2 || '.</p>',
  original,
  original - original * (10 + g % 60) / 100,
  round(((original * (10 + g % 60) / 100)::numeric * 100) / original),
  city,
  lower(city),
  'Centre-ville',
  now() + ((1 + g % 90) * interval '1 day'),
  word1 || ' et ' || word2 || ' a ' || lower(city) || ' offre de test ' || word1 || ' ' || word2,
  now() - (g * interval '1 minute'),
  now() - (g * interval '1 minute'),
  now() - (g * interval '1 minute')
from rows, categories, teams`;
}
