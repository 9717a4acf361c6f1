import { Button, type ButtonProps } from '@mantine/core';
import type { ComponentPropsWithoutRef } from 'react';
import { useFormAction, useNavigation } from 'react-router';

type SubmitButtonProps = ButtonProps &
  Omit<ComponentPropsWithoutRef<'button'>, keyof ButtonProps | 'type'> & {
    /** The action of the enclosing form when it is not the current route's. */
    action?: string;
  };

function pathOf(url: string): string {
  return new URL(url, 'http://souk.invalid').pathname;
}

/**
 * A submit button that shows a loader while its own form is being submitted (and while the
 * redirect that follows loads), told apart from other forms by action and name/value.
 */
export function SubmitButton({ action, name, value, ...props }: SubmitButtonProps) {
  const navigation = useNavigation();
  const formAction = useFormAction(action);
  const submitting =
    navigation.state !== 'idle' &&
    navigation.formData !== undefined &&
    navigation.formAction !== undefined &&
    pathOf(navigation.formAction) === pathOf(formAction) &&
    (name === undefined || navigation.formData.get(name) === String(value));
  return <Button type="submit" name={name} value={value} loading={submitting} {...props} />;
}
