import { t } from '../i18n';

export const MIN_PASSWORD_LENGTH = 8;

/** The client's own checks; the server applies the full rules and answers in the user's language. */
export function checkNewPassword(password: string, confirm: string, field = 'password') {
  if (password.length < MIN_PASSWORD_LENGTH) return { field, message: t('password.tooShort') };
  if (password !== confirm) return { field: 'confirm', message: t('password.mismatch') };
  return null;
}

export function PasswordRules() {
  return (
    <div class="rules">
      <h2 class="rules-title">{t('activate.rulesTitle')}</h2>
      <ul>
        <li>{t('activate.rule1')}</li>
        <li>{t('activate.rule2')}</li>
        <li>{t('activate.rule3')}</li>
      </ul>
    </div>
  );
}
