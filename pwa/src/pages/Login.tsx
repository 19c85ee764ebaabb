import { useRef, useState } from 'preact/hooks';
import { request } from '../api/client';
import { errorMessage } from '../api/errors';
import { LoginDocument } from '../api/operations';
import { finishPendingSignOut } from '../actions/signOut';
import { ErrorAlert } from '../components/Alert';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { focusFirstError } from '../components/useForm';
import { useOutbox } from '../db/useOutbox';
import { t } from '../i18n';
import { afterLoginPath, Link, navigate } from '../router';
import { lastAccountId } from '../state/device';
import { loadMeAfterSignIn } from '../state/session';

type Missing = { login?: string; password?: string };

/** Checked on the phone: an empty form is never sent (it would only count as a failed attempt). */
function missingFields(login: string, password: string): Missing {
  const missing: Missing = {};
  if (!login.trim()) missing.login = t('login.loginRequired');
  if (!password) missing.password = t('login.passwordRequired');
  return missing;
}

/** Entries of the account last signed in here still wait: its author must sign in again to send them. */
function WaitingEntries() {
  const { waiting } = useOutbox(lastAccountId());
  return (
    <div role="status">
      {waiting.length > 0 && <p class="notice">{t('login.waitingEntries', { n: waiting.length })}</p>}
    </div>
  );
}

export function LoginPage() {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<Missing>({});
  const formRef = useRef<HTMLFormElement>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const empty = missingFields(login, password);
    setMissing(empty);
    if (empty.login || empty.password) {
      focusFirstError(formRef.current);
      return;
    }
    setBusy(true);
    try {
      // Signed out here with no network: that session ends on the server before another begins.
      await finishPendingSignOut();
      const { login: result } = await request(LoginDocument, { login: login.trim(), password });
      if (result.__typename === 'LoginError') {
        setError(result.message);
        setPassword('');
        return;
      }
      await loadMeAfterSignIn();
      // Where the person was going (?next=, a path of this app only), else the home page.
      navigate(afterLoginPath(), { replace: true });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('login.title')} className="narrow">
      <p>{t('login.intro')}</p>
      <WaitingEntries />
      <form ref={formRef} onSubmit={onSubmit} class="form" noValidate>
        <ErrorAlert message={error} />
        <Field
          label={t('login.login')}
          value={login}
          onValue={(value) => {
            setLogin(value);
            if (value.trim()) setMissing((now) => ({ ...now, login: undefined }));
          }}
          error={missing.login}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellcheck={false}
        />
        <Field
          label={t('login.password')}
          value={password}
          onValue={(value) => {
            setPassword(value);
            if (value) setMissing((now) => ({ ...now, password: undefined }));
          }}
          error={missing.password}
          type="password"
          name="password"
          autoComplete="current-password"
        />
        <button type="submit" class="button-primary" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <ul class="links">
        <li>
          <Link href="/activate">{t('login.activateLink')}</Link>
        </li>
        <li>
          <Link href="/help" class="help-link">
            {t('login.helpLink')}
          </Link>
        </li>
      </ul>
    </Page>
  );
}
