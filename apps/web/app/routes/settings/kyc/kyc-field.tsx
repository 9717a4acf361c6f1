import { NativeSelect, TextInput } from '@mantine/core';
import { identifierProblemMessages } from '@souk/contracts/identifier-messages';
import { type KycField, kycFieldChecks, legalForms } from '@souk/contracts/kyc';
import { isLocale } from '@souk/contracts/locales';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const inputModes: Partial<Record<KycField, 'numeric' | 'text'>> = {
  ice: 'numeric',
  rcNumber: 'numeric',
  taxId: 'numeric',
};

/**
 * One KYC field, checked as it is typed with the same validators the server runs (format and
 * checksums), so the message appears before the form is sent. The server's message, when the
 * page comes back with one, is shown until the value changes.
 */
export function KycFieldInput(props: {
  field: KycField;
  defaultValue: string;
  serverError?: string | undefined;
  disabled?: boolean;
  required?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'fr';
  const [value, setValue] = useState(props.defaultValue);
  const [touched, setTouched] = useState(false);
  const result = value.trim() === '' ? null : kycFieldChecks[props.field](value);
  const liveError = touched && result && !result.ok ? identifierProblemMessages[locale][result.problem] : undefined;
  const error = liveError ?? (touched ? undefined : props.serverError);
  const common = {
    name: props.field,
    label: t(`kyc.fields.${props.field}`),
    error,
    disabled: props.disabled,
    required: props.required,
  };

  if (props.field === 'legalForm') {
    return (
      <NativeSelect
        {...common}
        value={value}
        onChange={(event) => setValue(event.currentTarget.value)}
        data={[
          { value: '', label: '—' },
          ...legalForms.map((form) => ({ value: form, label: t(`kyc.legalForms.${form}`) })),
        ]}
      />
    );
  }
  return (
    <TextInput
      {...common}
      type={props.field === 'birthDate' ? 'date' : 'text'}
      inputMode={inputModes[props.field]}
      autoComplete={props.field === 'legalName' ? 'name' : props.field === 'address' ? 'street-address' : 'off'}
      // Identifiers read left to right even in Arabic.
      dir={
        ['bankAccount', 'ice', 'cinNumber', 'representativeCin', 'rcNumber', 'taxId'].includes(props.field)
          ? 'ltr'
          : undefined
      }
      value={value}
      onChange={(event) => {
        setValue(event.currentTarget.value);
        setTouched(true);
      }}
      aria-invalid={error ? true : undefined}
    />
  );
}
