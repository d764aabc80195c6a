import type { FormEvent } from 'react';
import { FieldError, Input, Label, Text, TextArea as AriaTextArea, TextField as AriaTextField, type TextFieldProps as AriaTextFieldProps } from 'react-aria-components';
import { type Common, styles } from './common.js';


/**
 * react-aria shows a field's new validity when it is committed (on blur). A click on the submit button blurs
 * the field first, the message under it goes, the button moves up under the pointer, and the click misses it.
 * While a field shows an error, each keystroke commits it (a native `change`, which react-aria listens for),
 * so the message goes as the person types, before they reach for the button.
 */
function commitWhileInvalid(event: FormEvent<HTMLInputElement | HTMLTextAreaElement>) {
  const field = event.currentTarget;
  if (field.getAttribute('aria-invalid') === 'true') field.dispatchEvent(new Event('change', { bubbles: true }));
}

export interface TextFieldProps extends Common, Omit<AriaTextFieldProps, 'className' | 'style' | 'children'> {
  placeholder?: string;
}

export function TextField({ label, description, placeholder, ...props }: TextFieldProps) {
  return (
    <AriaTextField {...props} className={styles['field']}>
      <Label className={styles['label']}>{label}</Label>
      <Input className={styles['input']} placeholder={placeholder} onInput={commitWhileInvalid} />
      {description && <Text slot="description" className={styles['description']}>{description}</Text>}
      <FieldError className={styles['error']} />
    </AriaTextField>
  );
}

export function TextArea({ label, description, placeholder, rows = 4, ...props }: TextFieldProps & { rows?: number }) {
  return (
    <AriaTextField {...props} className={styles['field']}>
      <Label className={styles['label']}>{label}</Label>
      <AriaTextArea className={styles['input']} placeholder={placeholder} rows={rows} onInput={commitWhileInvalid} />
      {description && <Text slot="description" className={styles['description']}>{description}</Text>}
      <FieldError className={styles['error']} />
    </AriaTextField>
  );
}
