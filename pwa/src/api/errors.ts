// Turns any thrown error into a sentence for the user, in the current language.
import { t, type MessageKey } from '../i18n';
import { ApiError } from './client';

const OWN_MESSAGES: Record<string, MessageKey> = {
  UNAUTHENTICATED: 'error.UNAUTHENTICATED',
  FORBIDDEN: 'error.FORBIDDEN',
  NETWORK: 'error.NETWORK',
  TIMEOUT: 'error.TIMEOUT',
  INTERNAL: 'error.INTERNAL',
  INTERNAL_SERVER_ERROR: 'error.INTERNAL',
  BAD_RESPONSE: 'error.INTERNAL',
};

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const key = OWN_MESSAGES[error.code];
    if (key) return t(key);
    // Other codes carry a message the server already translated (Accept-Language).
    if (error.serverMessage) return error.serverMessage;
  }
  return t('error.INTERNAL');
}
