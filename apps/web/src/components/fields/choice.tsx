import type { ReactNode } from 'react';
import {
  Checkbox as AriaCheckbox,
  CheckboxGroup as AriaCheckboxGroup,
  type CheckboxGroupProps as AriaCheckboxGroupProps,
  type CheckboxProps as AriaCheckboxProps,
  FieldError,
  Label,
  Switch as AriaSwitch,
  type SwitchProps as AriaSwitchProps,
  Text,
} from 'react-aria-components';
import { type Common, styles } from './common.js';

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
