import { Box, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';

export interface Bar {
  label: string;
  value: number;
}

interface BarChartProps {
  title: string;
  /** Announced for the chart; the table below it carries the same figures. */
  description: string;
  keyHeader: string;
  valueHeader: string;
  bars: Bar[];
  emptyText: string;
}

/**
 * Horizontal bars drawn with plain boxes (they follow the page's direction in Arabic) and the
 * same figures as a table, for screen readers and anyone who prefers numbers.
 */
export function BarChart({ title, description, keyHeader, valueHeader, bars, emptyText }: BarChartProps) {
  const id = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id}>
        {title}
      </Title>
      {bars.length === 0 ? (
        <Text c="dimmed" size="sm">
          {emptyText}
        </Text>
      ) : (
        <>
          <Box role="img" aria-label={description}>
            <Stack gap={4} aria-hidden="true">
              {bars.map((bar) => (
                <Box key={bar.label} style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 7rem) 1fr', gap: 8 }}>
                  <Text size="xs" truncate>
                    {bar.label}
                  </Text>
                  <Box style={{ display: 'flex', alignItems: 'center', gap: 6, minWidth: 0 }}>
                    <Box
                      bg="teal.6"
                      h={12}
                      style={{ width: `${(bar.value / max) * 85}%`, minWidth: bar.value > 0 ? 2 : 0, borderRadius: 2 }}
                    />
                    <Text size="xs">{bar.value}</Text>
                  </Box>
                </Box>
              ))}
            </Stack>
          </Box>
          <details>
            <summary>
              <Text span size="sm">
                {keyHeader} / {valueHeader}
              </Text>
            </summary>
            <Table.ScrollContainer minWidth={200}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{keyHeader}</Table.Th>
                    <Table.Th>{valueHeader}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {bars.map((bar) => (
                    <Table.Tr key={bar.label}>
                      <Table.Td>{bar.label}</Table.Td>
                      <Table.Td>{bar.value}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </details>
        </>
      )}
    </Stack>
  );
}
