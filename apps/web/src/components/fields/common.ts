import styles from '../fields.module.css';

export { styles };

/** What every field has: a visible label and an optional description (its error text goes right under it). */
export interface Common {
  label: string;
  description?: string;
}
