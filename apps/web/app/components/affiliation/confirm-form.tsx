import { Button, type ButtonProps, Group, Modal, Text } from '@mantine/core';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { useHydrated } from '../../lib/use-hydrated';

interface ConfirmFormProps extends Omit<ButtonProps, 'children'> {
  /** Hidden fields, e.g. `{ intent: 'approve', id }`. */
  fields: Record<string, string>;
  label: ReactNode;
  question: string;
  /** Visible fields sent with the form (a reason, an override). */
  children?: ReactNode;
  testId?: string;
}

/**
 * A form with fields whose submit button asks first (a dialog with JavaScript; without it the
 * form posts directly). The browser's own validation (required fields) runs before the question.
 */
export function ConfirmForm({ fields, label, question, children, testId, ...buttonProps }: ConfirmFormProps) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <Form method="post" ref={formRef} data-testid={testId}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <Button
        type="submit"
        mt={children ? 'xs' : undefined}
        {...buttonProps}
        onClick={(event) => {
          if (!hydrated) return;
          event.preventDefault();
          if (formRef.current?.reportValidity() === false) return;
          setOpen(true);
        }}
      >
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('productEditor.confirmTitle')} centered>
        <Text mb="lg">{question}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('productEditor.cancel')}
          </Button>
          <Button
            color={buttonProps.color}
            data-testid="confirm"
            onClick={() => {
              setOpen(false);
              formRef.current?.requestSubmit();
            }}
          >
            {t('productEditor.confirm')}
          </Button>
        </Group>
      </Modal>
    </Form>
  );
}
