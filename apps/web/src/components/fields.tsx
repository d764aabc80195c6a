import type { FormEvent, ReactNode } from 'react';
import {
  Checkbox as AriaCheckbox,
  CheckboxGroup as AriaCheckboxGroup,
  type CheckboxGroupProps as AriaCheckboxGroupProps,
  type CheckboxProps as AriaCheckboxProps,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  NumberField as AriaNumberField,
  type NumberFieldProps as AriaNumberFieldProps,
  Popover,
  Select as AriaSelect,
  type SelectProps as AriaSelectProps,
  SelectValue,
  Switch as AriaSwitch,
  type SwitchProps as AriaSwitchProps,
  Text,
  TextArea as AriaTextArea,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  Button as AriaButton,
} from 'react-aria-components';
import styles from './fields.module.css';

// Every field: a visible label, an optional description, and its error text right under it
// (client validation, or the api's BAD_USER_INPUT for this field by `name`, through <Form>).

/**
 * react-aria shows a field's new validity when it is committed (on blur). A click on the submit button blurs
 * the field first, the message under it goes, the button moves up under the pointer, and the click misses it.
 * While a field shows an error, each keystroke commits it (a native `change`, which react-aria listens for),
 * so the message goes as the person types, before they reach for the button.
 */
export function commitWhileInvalid(event: FormEvent<HTMLInputElement | HTMLTextAreaElement>) {
  const field = event.currentTarget;
  if (field.getAttribute('aria-invalid') === 'true') field.dispatchEvent(new Event('change', { bubbles: true }));
}

interface Common {
  label: string;
  description?: string;
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

export function NumberField({ label, description, ...props }: Common & Omit<AriaNumberFieldProps, 'className' | 'style' | 'children'>) {
  return (
    <AriaNumberField {...props} className={styles['field']}>
      <Label className={styles['label']}>{label}</Label>
      <Input className={styles['input']} />
      {description && <Text slot="description" className={styles['description']}>{description}</Text>}
      <FieldError className={styles['error']} />
    </AriaNumberField>
  );
}

export interface SelectOption {
  id: string;
  label: string;
}

export function Select({
  label,
  description,
  options,
  ...props
}: Common & { options: ReadonlyArray<SelectOption> } & Omit<AriaSelectProps<SelectOption>, 'className' | 'style' | 'children'>) {
  return (
    <AriaSelect {...props} className={styles['field']}>
      <Label className={styles['label']}>{label}</Label>
      <AriaButton className={`${styles['input']} ${styles['select']}`}>
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </AriaButton>
      {description && <Text slot="description" className={styles['description']}>{description}</Text>}
      <FieldError className={styles['error']} />
      <Popover className={styles['popover']}>
        <ListBox items={options} className={styles['listbox']}>
          {(option) => (
            <ListBoxItem id={option.id} textValue={option.label} className={styles['option']}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}

export function Checkbox({ children, ...props }: Omit<AriaCheckboxProps, 'className' | 'style' | 'children'> & { children: ReactNode }) {
  return (
    <AriaCheckbox {...props} className={styles['check']}>
      <span className={styles['box']} aria-hidden="true" />
      {children}
    </AriaCheckbox>
  );
}

/** A labelled group of checkboxes sent under one `name` (each checked one's value); `isRequired`: at least one. */
export function CheckboxGroup({ label, description, children, ...props }: Common & { children: ReactNode } & Omit<AriaCheckboxGroupProps, 'className' | 'style' | 'children'>) {
  return (
    <AriaCheckboxGroup {...props} className={styles['field']}>
      <Label className={styles['label']}>{label}</Label>
      {description && <Text slot="description" className={styles['description']}>{description}</Text>}
      {children}
      <FieldError className={styles['error']} />
    </AriaCheckboxGroup>
  );
}

export function Switch({ children, ...props }: Omit<AriaSwitchProps, 'className' | 'style' | 'children'> & { children: ReactNode }) {
  return (
    <AriaSwitch {...props} className={styles['switch']}>
      <span className={styles['track']} aria-hidden="true" />
      {children}
    </AriaSwitch>
  );
}
