import { List, Stack, Title } from '@mantine/core';

/** A titled list of the deal's short texts (highlights, what's included, steps); nothing when empty. */
export function TextList({ title, items, ordered = false }: { title: string; items: string[]; ordered?: boolean }) {
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" component="section">
      <Title order={2} size="h4">
        {title}
      </Title>
      <List type={ordered ? 'ordered' : 'unordered'} spacing={4}>
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    </Stack>
  );
}
