// Announced messages. An error is inserted with role="alert" (announced at once, and a page never
// holds an empty alert); a status region stays in the page so polite updates inside it are heard.
import type { ComponentChildren } from 'preact';
import { t } from '../i18n';

export function ErrorAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" class="alert alert-error">
      {message}
    </p>
  );
}

export function StatusMessage({ children }: { children?: ComponentChildren }) {
  return (
    <div role="status" class="alert alert-status">
      {children}
    </div>
  );
}

/** A load that failed, with the way to try again. */
export function LoadFailed({ message, onRetry }: { message: string | null; onRetry: () => void }) {
  return (
    <>
      <ErrorAlert message={message} />
      <button type="button" class="button-secondary" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </>
  );
}
