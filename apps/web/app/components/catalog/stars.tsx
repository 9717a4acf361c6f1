import { Text } from '@mantine/core';

/** Five stars filled to the rating; the label says it in words (the stars are hidden from readers). */
export function Stars({ rating, label }: { rating: number; label: string }) {
  const full = Math.round(rating);
  return (
    <Text span role="img" aria-label={label} c="yellow.8" fz="lg" lh={1}>
      <span aria-hidden="true">{'★'.repeat(full)}</span>
      <Text span c="gray.5" aria-hidden="true">
        {'★'.repeat(5 - full)}
      </Text>
    </Text>
  );
}
