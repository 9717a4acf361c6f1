import { Paper, Text } from '@mantine/core';

export function StatCard({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" dir="auto">
        {value}
      </Text>
    </Paper>
  );
}
