import { FieldError, Input, Label, NumberField as AriaNumberField, type NumberFieldProps as AriaNumberFieldProps, Text } from 'react-aria-components';
import { type Common, styles } from './common.js';

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
