import { useRef, useState } from 'preact/hooks';
import { request } from '../api/client';
import { ActivateAccountDocument } from '../api/operations';
import { ErrorAlert } from '../components/Alert';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { PasswordRules, checkNewPassword } from '../components/PasswordRules';
import { finishPendingSignOut } from '../actions/signOut';
import { focusFirstError, useForm } from '../components/useForm';
import { t } from '../i18n';
import { Link, navigate } from '../router';
import { loadMeAfterSignIn } from '../state/session';

export function ActivatePage() {
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useForm(['code', 'password', 'confirm']);
  const formRef = useRef<HTMLFormElement>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    // Checked on the phone first: an empty form is never sent.
    const problem = !code.trim()
      ? { field: 'code', message: t('activate.codeRequired') }
      : !password
        ? { field: 'password', message: t('activate.passwordRequired') }
        : checkNewPassword(password, confirm);
    if (problem) {
      form.showInvalid(problem);
      focusFirstError(formRef.current);
      return;
    }
    const ok = await form.submit(async () => {
      await finishPendingSignOut();
      const { activateAccount: result } = await request(ActivateAccountDocument, { code: code.trim(), password });
      if (result.__typename === 'ValidationError') return result;
    });
    if (ok) {
      // The server has signed the person in.
      await loadMeAfterSignIn();
      navigate('/', { replace: true });
    }
  };

  return (
    <Page title={t('activate.title')} className="narrow">
      <p>{t('activate.intro')}</p>
      <form ref={formRef} onSubmit={onSubmit} class="form" noValidate>
        <ErrorAlert message={form.formError} />
        <Field
          label={t('activate.code')}
          value={code}
          onValue={setCode}
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellcheck={false}
          error={form.fieldErrors.code}
        />
        <PasswordRules />
        <Field
          label={t('activate.password')}
          value={password}
          onValue={setPassword}
          type="password"
          name="new-password"
          autoComplete="new-password"
          error={form.fieldErrors.password}
        />
        <Field
          label={t('activate.confirm')}
          value={confirm}
          onValue={setConfirm}
          type="password"
          name="confirm-password"
          autoComplete="new-password"
          error={form.fieldErrors.confirm}
        />
        <button type="submit" class="button-primary" disabled={form.busy}>
          {form.busy ? t('activate.submitting') : t('activate.submit')}
        </button>
      </form>
      <ul class="links">
        <li>
          <Link href="/login">{t('activate.loginLink')}</Link>
        </li>
        <li>
          <Link href="/help">{t('login.helpLink')}</Link>
        </li>
      </ul>
    </Page>
  );
}
