import type { ReactNode } from 'react';
import { CheckboxGroup as AriaCheckboxGroup, type CheckboxGroupProps as AriaCheckboxGroupProps, FieldError, Label, Text } from 'react-aria-components';
import styles from './fields.module.css';

/**
 * Several `<Checkbox value>` under one label and one `name` (FormData.getAll(name)), with its error under them:
 * `isRequired` asks for at least one, and the api's BAD_USER_INPUT for `name` shows there (through <Form>).
 */
export function CheckboxGroup({
  label,
  description,
  children,
  ...props
}: { label: string; description?: string; children: ReactNode } & Omit<AriaCheckboxGroupProps, 'className' | 'style' | 'children'>) {
  return (
    <AriaCheckboxGroup {...props} className={styles['field']}>
      <Label className={styles['label']}>{label}</Label>
      {description && <Text slot="description" className={styles['description']}>{description}</Text>}
      {children}
      <FieldError className={styles['error']} />
    </AriaCheckboxGroup>
  );
}
