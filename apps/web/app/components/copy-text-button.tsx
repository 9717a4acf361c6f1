import { Button, type ButtonProps, CopyButton } from '@mantine/core';
import { useHydrated } from '../lib/use-hydrated';

interface CopyTextButtonProps extends Omit<ButtonProps, 'children'> {
  value: string;
  label: string;
  copiedLabel: string;
}

/**
 * Copies to the clipboard. Only rendered once scripts run and the browser offers a clipboard
 * (secure contexts): without them the text stays selectable on the page.
 */
export function CopyTextButton({ value, label, copiedLabel, ...props }: CopyTextButtonProps) {
  const hydrated = useHydrated();
  if (!hydrated || typeof navigator === 'undefined' || !navigator.clipboard) return null;
  return (
    <CopyButton value={value} timeout={2500}>
      {({ copied, copy }) => (
        <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy} aria-live="polite" {...props}>
          {copied ? copiedLabel : label}
        </Button>
      )}
    </CopyButton>
  );
}
