// /settings/notifications: push on this device (only a tap on 开启通知 asks for permission), or why
// this browser cannot have it; one's devices; the kinds one receives (crisis alerts stay on); the
// school's quiet hours and reminder times; and a test notification.
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { NotificationKind, NotificationSettingsQuery } from '../../api/generated';
import {
  NotificationSettingsDocument,
  RemovePushSubscriptionDocument,
  SendTestNotificationDocument,
  SetNotificationKindsDocument,
} from '../../api/operations/notify';
import { ErrorAlert, LoadFailed, StatusMessage } from '../../components/Alert';
import { Page } from '../../components/Page';
import { useForm } from '../../components/useForm';
import { t, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../i18n/time';
import { Link } from '../../router';
import { refreshUnread } from '../../state/unread';
import '../../styles/notify.css';
import { usePageData } from '../board/usePageData';
import { LoadingPage } from '../Simple';
import { currentSubscription, disablePush, enablePush, pushState, type PushState } from './push';

type Settings = NotificationSettingsQuery['notificationSettings'];
type Device = Settings['devices'][number];
type KindSetting = Settings['kinds'][number];

function Unsupported() {
  return (
    <div class="notice notify-help">
      <p>{t('notify.unsupported')}</p>
      <ul>
        <li>{t('notify.unsupportedIos')}</li>
        <li>{t('notify.unsupportedChina')}</li>
      </ul>
      <p>
        {t('notify.inboxStillWorks')} <Link href="/notifications">{t('notify.toInbox')}</Link>
      </p>
    </div>
  );
}

function Denied() {
  return (
    <div class="notice notify-help">
      <p>{t('notify.denied')}</p>
      <p>{t('notify.deniedHow')}</p>
      <p>{t('notify.inboxStillWorks')}</p>
    </div>
  );
}

/** This browser: why it cannot have push, or turning push on and off. */
function ThisDevice({ vapidPublicKey, onDevicesChanged }: { vapidPublicKey: string; onDevicesChanged: (added?: Device) => void }) {
  const [state, setState] = useState<PushState>(pushState);
  const [subscribed, setSubscribed] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    currentSubscription().then(
      (subscription) => live && setSubscribed(subscription !== null),
      () => live && setSubscribed(false),
    );
    return () => {
      live = false;
    };
  }, []);

  const onEnable = async () => {
    setBusy(true);
    setStatus(null);
    setError(null);
    try {
      const result = await enablePush(vapidPublicKey);
      if (result.status === 'notGranted') {
        setState(result.permission);
        if (result.permission === 'default') setStatus(t('notify.dismissed'));
      } else if (result.status === 'failed') {
        setError(result.message);
      } else {
        setState('granted');
        setSubscribed(true);
        setStatus(t('notify.enabled', { label: result.device.label }));
        onDevicesChanged(result.device);
      }
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const onDisable = async () => {
    setBusy(true);
    setStatus(null);
    setError(null);
    try {
      const refused = await disablePush();
      setSubscribed(false);
      if (refused) setError(refused);
      else setStatus(t('notify.disabled'));
      onDevicesChanged();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="notify-device" class="section">
      <h2 id="notify-device">{t('notify.deviceTitle')}</h2>
      <ErrorAlert message={error} />
      <StatusMessage>{status}</StatusMessage>
      {state === 'unsupported' ? (
        <Unsupported />
      ) : state === 'denied' ? (
        <Denied />
      ) : subscribed && state === 'granted' ? (
        <>
          <p>{t('notify.on')}</p>
          <button type="button" class="button-secondary" onClick={onDisable} disabled={busy}>
            {busy ? t('notify.disabling') : t('notify.disable')}
          </button>
        </>
      ) : (
        <>
          <p>{t('notify.off')}</p>
          <button type="button" class="button-primary" onClick={onEnable} disabled={busy || subscribed === null}>
            {busy ? t('notify.enabling') : t('notify.enable')}
          </button>
        </>
      )}
    </section>
  );
}

function Devices({ devices, onRemoved }: { devices: Device[]; onRemoved: (id: string) => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // This browser's own entry, marked so that a person with several phones knows which is which.
  const [mine, setMine] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    currentSubscription().then(
      (subscription) => live && setMine(subscription?.endpoint ?? null),
      () => live && setMine(null),
    );
    return () => {
      live = false;
    };
  }, [devices]);

  const onRemove = async (device: Device) => {
    setBusy(device.id);
    setStatus(null);
    setError(null);
    try {
      const { removePushSubscription: result } = await request(RemovePushSubscriptionDocument, { id: device.id });
      if (result.__typename === 'ValidationError') {
        setError(result.message);
        return;
      }
      onRemoved(device.id);
      setStatus(t('notify.deviceRemoved', { label: device.label }));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="notify-devices" class="section">
      <h2 id="notify-devices">{t('notify.devicesTitle')}</h2>
      <ErrorAlert message={error} />
      <StatusMessage>{status}</StatusMessage>
      {devices.length === 0 ? (
        <p class="empty-state">{t('notify.noDevices')}</p>
      ) : (
        <ul class="rows device-list">
          {devices.map((device) => (
            <li key={device.id} class="row device">
              <h3>
                {device.label}
                {device.endpoint === mine && (
                  <>
                    {' '}
                    <span class="badge this-device">{t('notify.thisDevice')}</span>
                  </>
                )}
              </h3>
              <p class="muted">
                {t('notify.deviceAdded', { when: formatDateTime(device.createdAt) })} ·{' '}
                {device.lastSuccessAt
                  ? t('notify.deviceLastSuccess', { when: formatDateTime(device.lastSuccessAt) })
                  : t('notify.deviceNeverDelivered')}
              </p>
              <button
                type="button"
                class="button-secondary"
                onClick={() => onRemove(device)}
                disabled={busy !== null}
                aria-label={t('notify.removeDeviceLabel', { label: device.label })}
              >
                {t('notify.removeDevice')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function kindLabel(kind: NotificationKind): string {
  return t(`notify.kind.${kind}` as MessageKey);
}

function Kinds({ initial }: { initial: KindSetting[] }) {
  const [kinds, setKinds] = useState(initial);
  const [saved, setSaved] = useState(false);
  const form = useForm(['enabledKinds']);

  const toggle = (kind: NotificationKind, enabled: boolean) => {
    setSaved(false);
    setKinds((current) => current.map((item) => (item.kind === kind ? { ...item, enabled } : item)));
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    const enabled = kinds.filter((item) => item.enabled).map((item) => item.kind);
    const ok = await form.submit(async () => {
      const { setNotificationKinds: result } = await request(SetNotificationKindsDocument, { enabled });
      if (result.__typename === 'ValidationError') return result;
      setKinds(result.kinds);
    });
    if (ok) setSaved(true);
  };

  if (kinds.length === 0) {
    return (
      <section aria-labelledby="notify-kinds" class="section">
        <h2 id="notify-kinds">{t('notify.kindsTitle')}</h2>
        <p>{t('notify.kindsNone')}</p>
      </section>
    );
  }
  return (
    <form onSubmit={onSubmit} class="form section" noValidate aria-labelledby="notify-kinds">
      <h2 id="notify-kinds">{t('notify.kindsTitle')}</h2>
      <ErrorAlert message={form.formError ?? form.fieldErrors.enabledKinds} />
      <StatusMessage>{saved ? t('notify.kindsSaved') : null}</StatusMessage>
      <fieldset class="field kind-list">
        <legend class="visually-hidden">{t('notify.kindsTitle')}</legend>
        {kinds.map((item) => (
          <div key={item.kind}>
            <label class="pick">
              <input
                type="checkbox"
                checked={item.enabled || !item.mutable}
                disabled={!item.mutable}
                aria-describedby={item.mutable ? undefined : `notify-locked-${item.kind}`}
                onChange={(event) => toggle(item.kind, event.currentTarget.checked)}
              />
              {kindLabel(item.kind)}
            </label>
            {!item.mutable && (
              <p class="hint" id={`notify-locked-${item.kind}`}>
                {t('notify.kindLocked')}
              </p>
            )}
          </div>
        ))}
      </fieldset>
      <button type="submit" class="button-primary" disabled={form.busy}>
        {form.busy ? t('common.saving') : t('common.save')}
      </button>
    </form>
  );
}

function Times({ times }: { times: NonNullable<Settings['times']> }) {
  return (
    <section aria-labelledby="notify-times" class="section">
      <h2 id="notify-times">{t('notify.timesTitle')}</h2>
      <p class="quiet-hours">{t('notify.quietHours', { start: times.quietStart, end: times.quietEnd })}</p>
      <dl class="notify-times">
        <dt>{t('notify.mentorReminder')}</dt>
        <dd>{times.mentorReminder}</dd>
        <dt>{t('notify.guardianReminder')}</dt>
        <dd>{times.guardianReminder}</dd>
        <dt>{t('notify.leadDigest')}</dt>
        <dd>{times.leadDigest}</dd>
        <dt>{t('notify.escalateAfter')}</dt>
        <dd>{t('notify.minutes', { count: times.escalateAfterMinutes })}</dd>
      </dl>
      <p class="muted">{t('notify.timesZone', { zone: times.timeZone })}</p>
    </section>
  );
}

function TestNotification() {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onSend = async () => {
    setBusy(true);
    setStatus(null);
    setError(null);
    try {
      const { sendTestNotification: result } = await request(SendTestNotificationDocument);
      setStatus(result.devices > 0 ? t('notify.testSent', { count: result.devices }) : t('notify.testNoDevice'));
      // The test is in the inbox too: the badge shows it.
      void refreshUnread();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="notify-test" class="section">
      <h2 id="notify-test">{t('notify.testTitle')}</h2>
      <p>{t('notify.testIntro')}</p>
      <ErrorAlert message={error} />
      <StatusMessage>{status}</StatusMessage>
      <button type="button" class="button-secondary" onClick={onSend} disabled={busy}>
        {busy ? t('notify.sendingTest') : t('notify.sendTest')}
      </button>
    </section>
  );
}

function SettingsView({ settings }: { settings: Settings }) {
  const [devices, setDevices] = useState(settings.devices);

  /** A device added here goes on the list at once; otherwise the list is asked for again. */
  const onDevicesChanged = (added?: Device) => {
    if (added) {
      setDevices((current) => [added, ...current.filter((device) => device.id !== added.id)]);
      return;
    }
    request(NotificationSettingsDocument)
      .then((data) => setDevices(data.notificationSettings.devices))
      .catch(() => {
        // The list stays as it was; reloading the page shows it again.
      });
  };

  return (
    <>
      <ThisDevice vapidPublicKey={settings.vapidPublicKey} onDevicesChanged={onDevicesChanged} />
      <Devices devices={devices} onRemoved={(id) => setDevices((current) => current.filter((device) => device.id !== id))} />
      <Kinds initial={settings.kinds} />
      {settings.times && <Times times={settings.times} />}
      <TestNotification />
    </>
  );
}

export function SettingsPage() {
  const { state, retry } = usePageData(async () => (await request(NotificationSettingsDocument)).notificationSettings, '');
  if (state.status === 'loading') return <LoadingPage />;
  return (
    <Page title={t('notify.settingsTitle')}>
      <p>
        <Link href="/notifications">{t('notify.toInbox')}</Link>
      </p>
      {state.status === 'ready' ? (
        <SettingsView settings={state.data} />
      ) : (
        <LoadFailed message={state.status === 'error' ? state.message : t('error.INTERNAL')} onRetry={retry} />
      )}
    </Page>
  );
}
