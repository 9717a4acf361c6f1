import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageTitle } from './page-title';

interface AuthCardProps {
  title: string;
  intro?: string | undefined;
  children: ReactNode;
}

/** The narrow card of the pages around signing in: sign-in, sign-up, password reset, email confirmation. */
export function AuthCard({ title, intro, children }: AuthCardProps) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={440} mx="auto" mt={{ base: 0, sm: 'xl' }}>
      <PageTitle>{title}</PageTitle>
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">
            {title}
          </Title>
          {intro && (
            <Text c="dimmed" mt={4}>
              {intro}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
