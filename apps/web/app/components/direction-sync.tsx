import { useDirection } from '@mantine/core';
import { useEffect } from 'react';

/**
 * DirectionProvider only reads its initial direction; switching between Arabic and another
 * language without a reload has to tell Mantine explicitly.
 */
export function DirectionSync({ direction }: { direction: 'ltr' | 'rtl' }) {
  const { dir, setDirection } = useDirection();
  useEffect(() => {
    if (dir !== direction) setDirection(direction);
  }, [dir, direction, setDirection]);
  return null;
}
