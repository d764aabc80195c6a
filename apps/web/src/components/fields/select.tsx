import { Button as AriaButton, FieldError, Label, ListBox, ListBoxItem, Popover, Select as AriaSelect, type SelectProps as AriaSelectProps, SelectValue, Text } from 'react-aria-components';
import { type Common, styles } from './common.js';

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
