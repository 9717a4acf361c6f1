import { SimpleGrid } from '@mantine/core';
import type { ProductCard } from '@souk/contracts/catalog';
import { DealCard } from './deal-card';

/** Cards in a responsive grid: one column on a phone, up to four on a wide screen. */
export function DealGrid({
  deals,
  now,
  eagerCount = 0,
  headingLevel = 3,
}: {
  deals: ProductCard[];
  now: number;
  eagerCount?: number;
  headingLevel?: 2 | 3;
}) {
  return (
    <SimpleGrid
      cols={{ base: 1, xs: 2, md: 3, lg: 4 }}
      spacing="lg"
      component="ul"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {deals.map((deal, index) => (
        <li key={deal.id}>
          <DealCard deal={deal} now={now} eager={index < eagerCount} headingLevel={headingLevel} />
        </li>
      ))}
    </SimpleGrid>
  );
}
