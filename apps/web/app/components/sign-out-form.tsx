import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { SubmitButton } from './submit-button';

/** Signing out changes state, so it is a POST, never a link. */
export function SignOutForm() {
  const { t } = useTranslation();
  return (
    <Form method="post" action="/sign-out">
      <SubmitButton action="/sign-out" variant="light" color="red" fullWidth>
        {t('account.signOut')}
      </SubmitButton>
    </Form>
  );
}
