import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A home page section: a titled landmark, so screen readers can jump between sections. */
export function HomeSection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <Stack component="section" gap="lg" aria-labelledby={`${id}-title`}>
      <Stack gap={4}>
        <Title order={2} id={`${id}-title`}>
          {title}
        </Title>
        {intro && <Text c="dimmed">{intro}</Text>}
      </Stack>
      {children}
    </Stack>
  );
}
