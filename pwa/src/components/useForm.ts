// Submitting a form whose mutation returns `... | ValidationError`:
// the message goes next to the field it names, or above the form when it names none we show.
import { useState } from 'preact/hooks';
import { errorMessage } from '../api/errors';

export interface ValidationErrorLike {
  __typename: 'ValidationError';
  message: string;
  field: string | null;
  code: string;
}

export interface FormState {
  busy: boolean;
  formError: string | null;
  fieldErrors: Record<string, string>;
}

export function useForm(fields: readonly string[]) {
  const [state, setState] = useState<FormState>({ busy: false, formError: null, fieldErrors: {} });

  /** Runs `action`; it returns a ValidationError to show, or nothing on success. */
  async function submit(action: () => Promise<ValidationErrorLike | void>): Promise<boolean> {
    setState({ busy: true, formError: null, fieldErrors: {} });
    try {
      const invalid = await action();
      if (!invalid) {
        setState({ busy: false, formError: null, fieldErrors: {} });
        return true;
      }
      showInvalid(invalid);
    } catch (error) {
      setState({ busy: false, formError: errorMessage(error), fieldErrors: {} });
    }
    return false;
  }

  function showInvalid(invalid: ValidationErrorLike | { field: string | null; message: string }) {
    if (invalid.field && fields.includes(invalid.field)) {
      setState({ busy: false, formError: null, fieldErrors: { [invalid.field]: invalid.message } });
    } else {
      setState({ busy: false, formError: invalid.message, fieldErrors: {} });
    }
  }

  return { ...state, submit, showInvalid };
}

/** After a failed submit: focus the first invalid control, so it is read out and can be corrected. */
export function focusFirstError(form: HTMLFormElement | null): void {
  setTimeout(() => {
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else form?.querySelector<HTMLElement>('.alert-error')?.focus();
  }, 0);
}
