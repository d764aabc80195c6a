import { type FormEvent, type MouseEvent, type ReactNode, useState } from 'react';
import { flushSync } from 'react-dom';
import { Form as AriaForm } from 'react-aria-components';
import { type FormError, toFormError } from '../lib/errors.js';
import { Button } from './Button.js';
import styles from './Form.module.css';

export interface FormProps {
  /** Called with the form's values once the browser's validation passed; throw (or reject) to show the error. */
  onSubmit: (values: FormData) => Promise<unknown>;
  submitLabel: string;
  children: ReactNode;
  /** Extra controls beside the submit button; a `type="submit"` Button with `name` and `value` sends those too. */
  actions?: ReactNode;
  'aria-label'?: string;
}

/**
 * A form that validates before sending (each field's constraints: `isRequired`, `type`, `minLength`…), then
 * shows the api's BAD_USER_INPUT messages beside the fields they name, and any other error with the api's
 * message above the button.
 */
export function Form({ onSubmit, submitLabel, children, actions, ...rest }: FormProps) {
  const [error, setError] = useState<FormError | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The button pressed is in the values too (`name`/`value` on a submit button in `actions`: "Save draft").
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const values = new FormData(event.currentTarget, submitter instanceof HTMLButtonElement && submitter.name ? submitter : null);
    setPending(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (e) {
      setError(toFormError(e));
    } finally {
      setPending(false);
    }
  };

  // The api's messages are the field's validity until that field changes: one that named "From" when "To" was the
  // wrong figure would hold the form back with the other field fixed, and say nothing. A new press of a submit
  // button (Enter in a field presses it too) clears them first, synchronously, so the browser checks only its
  // own rules, and the api answers afresh.
  const clearServerErrors = (event: MouseEvent<HTMLDivElement>) => {
    if (error && event.target instanceof Element && event.target.closest('button[type="submit"]')) flushSync(() => setError(null));
  };

  const unplaced = error && Object.keys(error.fields).length === 0;
  return (
    <AriaForm onSubmit={(e) => void submit(e)} validationErrors={error?.fields ?? {}} className={styles['form']} aria-label={rest['aria-label']}>
      {children}
      <div role="alert" className={styles['alert']}>
        {error && (unplaced ? error.message : 'Some values need a change: see the messages beside the fields.')}
      </div>
      <div className={styles['actions']} onClickCapture={clearServerErrors}>
        <Button type="submit" isPending={pending}>
          {submitLabel}
        </Button>
        {actions}
      </div>
    </AriaForm>
  );
}
