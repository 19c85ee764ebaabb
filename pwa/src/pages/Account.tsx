import { useState } from 'preact/hooks';
import { request } from '../api/client';
import { ChangePasswordDocument } from '../api/operations';
import { ErrorAlert, StatusMessage } from '../components/Alert';
import { Field, SelectField } from '../components/Field';
import { SignOutButton, SignOutQuestion, useSignOut } from '../components/SignOut';
import { Page } from '../components/Page';
import { checkNewPassword, PasswordRules } from '../components/PasswordRules';
import { useForm } from '../components/useForm';
import { getLocale, setLocale, t, type Locale } from '../i18n';
import { Link } from '../router';
import type { Me } from '../state/session';

function ChangePasswordForm({ login }: { login: string }) {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const form = useForm(['currentPassword', 'newPassword', 'confirm']);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setDone(false);
    const problem = checkNewPassword(newPassword, confirm, 'newPassword');
    if (problem) return form.showInvalid(problem);
    const ok = await form.submit(async () => {
      const { changePassword: result } = await request(ChangePasswordDocument, { currentPassword, newPassword });
      if (result.__typename === 'ValidationError') return result;
    });
    if (ok) {
      setCurrent('');
      setNew('');
      setConfirm('');
      setDone(true);
    }
  };

  return (
    <form onSubmit={onSubmit} class="form" noValidate aria-labelledby="account-password">
      <h2 id="account-password">{t('account.passwordTitle')}</h2>
      <ErrorAlert message={form.formError} />
      <StatusMessage>{done ? t('account.passwordChanged') : null}</StatusMessage>
      {/* Lets password managers tie the new password to this login. */}
      <input type="text" name="username" autoComplete="username" value={login} readOnly hidden />
      <Field
        label={t('account.currentPassword')}
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onValue={setCurrent}
        error={form.fieldErrors.currentPassword}
      />
      <PasswordRules />
      <Field
        label={t('account.newPassword')}
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onValue={setNew}
        error={form.fieldErrors.newPassword}
      />
      <Field
        label={t('account.confirmPassword')}
        type="password"
        autoComplete="new-password"
        value={confirm}
        onValue={setConfirm}
        error={form.fieldErrors.confirm}
      />
      <button type="submit" class="button-primary" disabled={form.busy}>
        {form.busy ? t('common.saving') : t('account.changePassword')}
      </button>
    </form>
  );
}

export function AccountPage({ me }: { me: Me }) {
  const signOut = useSignOut();

  return (
    <Page title={t('account.title')}>
      <p>{t('account.signedInAs', { login: me.account.login })}</p>
      <ChangePasswordForm login={me.account.login} />
      <section aria-labelledby="account-language" class="section">
        <h2 id="account-language">{t('account.languageTitle')}</h2>
        <SelectField
          label={t('lang.label')}
          value={getLocale()}
          onValue={(value) => setLocale(value as Locale)}
          options={[
            { value: 'zh-CN', label: t('lang.zh-CN') },
            { value: 'en', label: t('lang.en') },
          ]}
        />
      </section>
      <section aria-labelledby="account-notifications" class="section">
        <h2 id="account-notifications">{t('notify.settingsTitle')}</h2>
        <p>
          <Link href="/settings/notifications">{t('notify.accountLink')}</Link>
        </p>
      </section>
      <section aria-labelledby="account-logout" class="section">
        <h2 id="account-logout">{t('account.logoutTitle')}</h2>
        <p>{t('account.logoutText')}</p>
        <SignOutButton state={signOut} className="button-secondary" />
        <SignOutQuestion state={signOut} />
      </section>
    </Page>
  );
}
