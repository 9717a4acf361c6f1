import { Button, type ButtonProps, Group, Modal, Text } from '@mantine/core';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { useHydrated } from '../lib/use-hydrated';

interface ConfirmSubmitProps extends Omit<ButtonProps, 'children'> {
  /** Hidden fields of the form, e.g. `{ intent: 'delete' }`. */
  fields: Record<string, string>;
  label: ReactNode;
  /** The question asked before sending. */
  question: string;
  action?: string;
  /** Visible fields sent with the form (a reason, an override). */
  children?: ReactNode;
  testId?: string;
}

/**
 * A form whose submit button asks first. With JavaScript the question is a dialog (Escape or
 * "Cancel" keeps everything as it is), after the browser's own checks of any visible field;
 * without it the button posts directly, as any form does.
 */
export function ConfirmSubmit({
  fields,
  label,
  question,
  action,
  children,
  testId,
  ...buttonProps
}: ConfirmSubmitProps) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <Form method="post" action={action} ref={formRef} data-testid={testId}>
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
