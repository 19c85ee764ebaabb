import { useState } from 'preact/hooks';
import { request } from '../api/client';
import { errorMessage } from '../api/errors';
import { LoginDocument } from '../api/operations';
import { ErrorAlert } from '../components/Alert';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { t } from '../i18n';
import { afterLoginPath, Link, navigate } from '../router';
import { loadMe } from '../state/session';

export function LoginPage() {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { login: result } = await request(LoginDocument, { login: login.trim(), password });
      if (result.__typename === 'LoginError') {
        setError(result.message);
        setPassword('');
        return;
      }
      await loadMe();
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
      <form onSubmit={onSubmit} class="form" noValidate>
        <ErrorAlert message={error} />
        <Field
          label={t('login.login')}
          value={login}
          onValue={setLogin}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellcheck={false}
        />
        <Field
          label={t('login.password')}
          value={password}
          onValue={setPassword}
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
