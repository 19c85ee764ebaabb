// Issue a one-time invitation code, or deactivate / reactivate an account.
import { useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { IssueInvitationDocument, SetAccountActiveDocument } from '../../api/operations';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { t } from '../../i18n';
import { formatFullDateTime } from '../../i18n/time';

interface Props {
  accountId: string;
  name: string;
  active: boolean;
  onActiveChange: (active: boolean) => void;
}

export function AccountStateBadge({ active, activated }: { active: boolean; activated: boolean }) {
  const key = !active ? 'account.state.inactive' : activated ? 'account.state.active' : 'account.state.pending';
  return <span class={`badge badge-${!active ? 'inactive' : activated ? 'active' : 'pending'}`}>{t(key)}</span>;
}

export function AccountActions({ accountId, name, active, onActiveChange }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<{ code: string; expiresAt: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      await action();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  const issue = () =>
    run(async () => {
      const { issueInvitation: result } = await request(IssueInvitationDocument, { accountId });
      if (result.__typename === 'ValidationError') return setError(result.message);
      setInvitation({ code: result.code, expiresAt: result.expiresAt });
    });

  const toggle = () =>
    run(async () => {
      const { setAccountActive: result } = await request(SetAccountActiveDocument, { accountId, active: !active });
      if (result.__typename === 'ValidationError') return setError(result.message);
      setInvitation(null);
      onActiveChange(result.active);
      setStatus(t(result.active ? 'account.reactivated' : 'account.deactivated', { name }));
    });

  return (
    <div class="account-actions">
      <div class="button-row">
        {active && (
          <button type="button" class="button-secondary" disabled={busy} onClick={issue}
            aria-label={t('account.issueInvitationFor', { name })}>
            {t('account.issueInvitation')}
          </button>
        )}
        <button type="button" class="button-quiet" disabled={busy} onClick={toggle}
          aria-label={t(active ? 'account.deactivateFor' : 'account.reactivateFor', { name })}>
          {t(active ? 'account.deactivate' : 'account.reactivate')}
        </button>
      </div>
      <ErrorAlert message={error} />
      <StatusMessage>
        {invitation && (
          <div class="invitation">
            <p>
              {t('account.invitation', { name })}
              <strong class="code">{invitation.code}</strong>
            </p>
            <p>{t('account.invitationExpires', { date: formatFullDateTime(invitation.expiresAt) })}</p>
          </div>
        )}
        {status}
      </StatusMessage>
    </div>
  );
}
