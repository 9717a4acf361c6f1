import { Paper, Text, Title } from '@mantine/core';

/** A list with nothing in it yet: what it will hold and how it fills. */
export function EmptyState({ title, text, testId }: { title: string; text?: string; testId?: string }) {
  return (
    <Paper withBorder p="xl" data-testid={testId}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {text && <Text c="dimmed">{text}</Text>}
    </Paper>
  );
}
