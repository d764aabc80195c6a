import { type KeyboardEvent, useState } from 'react';
import { FieldError, Input, Label, Text, TextField as AriaTextField } from 'react-aria-components';
import { Button } from './Button.js';
import { commitWhileInvalid } from './fields.js';
import styles from './fields.module.css';
import tagStyles from './TagField.module.css';

/** Splits text at commas into trimmed, non-blank entries. */
const split = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/**
 * The list a TagField sent under `name`: its tags, and whatever was still typed in its box (commas separate),
 * so words typed but not yet added are not lost.
 */
export function tagValues(values: FormData, name: string): string[] {
  const seen = new Set<string>();
  return values
    .getAll(name)
    .flatMap((v) => split(String(v)))
    .filter((t) => {
      const key = t.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export interface TagFieldProps {
  label: string;
  /** The form value's name: each tag is sent under it (read them with `tagValues`), and the api's error for it shows here. */
  name: string;
  description?: string;
  defaultValue?: ReadonlyArray<string>;
  /** The longest one entry may be. */
  maxLength: number;
}

/**
 * A list of short texts: type one and press Enter (or a comma) to add it; each added one shows with its own
 * Remove button. Its errors (the browser's, or the api's BAD_USER_INPUT for `name`) show under the box.
 */
export function TagField({ label, name, description, defaultValue = [], maxLength }: TagFieldProps) {
  const [tags, setTags] = useState<string[]>(() => [...defaultValue]);
  const [text, setText] = useState('');
  const add = () => {
    const parts = split(text);
    setTags((list) => {
      const next = [...list];
      for (const p of parts) if (!next.some((t) => t.toLowerCase() === p.toLowerCase())) next.push(p);
      return next;
    });
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' && event.key !== ',') return;
    // Enter in an empty box submits the form, as in any other field.
    if (event.key === 'Enter' && !text.trim()) return;
    event.preventDefault();
    add();
  };
  return (
    <div className={tagStyles['tags']}>
      {/* Before the box, so the form sends the added ones first and what is still typed after them. */}
      {tags.map((tag) => (
        <input key={tag.toLowerCase()} type="hidden" name={name} value={tag} />
      ))}
      <AriaTextField name={name} value={text} onChange={setText} maxLength={maxLength} className={styles['field']}>
        <Label className={styles['label']}>{label}</Label>
        <div className={tagStyles['entry']}>
          <Input className={styles['input']} onKeyDown={onKeyDown} onInput={commitWhileInvalid} />
          <Button variant="secondary" onPress={add} isDisabled={!text.trim()} aria-label={`Add to ${label.toLowerCase()}`}>
            Add
          </Button>
        </div>
        <Text slot="description" className={styles['description']}>
          {description ?? 'Press Enter or type a comma after each.'}
        </Text>
        <FieldError className={styles['error']} />
      </AriaTextField>
      {tags.length > 0 && (
        <ul className={tagStyles['list']} aria-label={label}>
          {tags.map((tag) => (
            <li key={tag.toLowerCase()} className={tagStyles['tag']}>
              <span>{tag}</span>
              <Button variant="quiet" aria-label={`Remove ${tag}`} onPress={() => setTags((list) => list.filter((t) => t !== tag))}>
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
