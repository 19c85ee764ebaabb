// The school's notification settings (管理 → 通知): quiet hours and reminder times, and the
// chat-group robots (企业微信 / 钉钉群机器人) that receive content-free texts. A robot's URL holds its
// secret key: it is typed once and never read back (the server gives only a hint of it).
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { NotificationKind, SchoolReminderTimesQuery, SchoolWebhooksQuery } from '../../api/generated';
import {
  RemoveSchoolWebhookDocument,
  SaveSchoolWebhookDocument,
  SchoolReminderTimesDocument,
  SchoolWebhooksDocument,
  SetSchoolReminderTimesDocument,
} from '../../api/operations/notify';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { CheckboxField, Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { t, type MessageKey } from '../../i18n';
import '../../styles/board.css';
import '../../styles/notify.css';
import { AdminPage } from './AdminPage';
import { ConfirmRemove } from '../../components/ConfirmRemove';

type Times = SchoolReminderTimesQuery['schoolReminderTimes'];
type Robot = SchoolWebhooksQuery['schoolWebhooks'][number];

const TIME_FIELDS = ['quietStart', 'quietEnd', 'mentorReminder', 'guardianReminder', 'leadDigest'] as const;
type TimeField = (typeof TIME_FIELDS)[number];
type TimeValues = Record<TimeField, string>;

/** The kinds a robot may send: the alerts and summaries a staff group acts on. */
const ROBOT_KINDS: NotificationKind[] = ['CRISIS_ALERT', 'ALERT_UNACKNOWLEDGED', 'MISSING_CHECK_INS', 'ROTA_GAPS'];

function kindLabel(kind: NotificationKind): string {
  return t(`notify.kind.${kind}` as MessageKey);
}

/** The server keeps a robot's kinds sorted by name: shown in the form's order instead. */
function inOrder(kinds: NotificationKind[]): NotificationKind[] {
  return [...ROBOT_KINDS.filter((kind) => kinds.includes(kind)), ...kinds.filter((kind) => !ROBOT_KINDS.includes(kind))];
}

function timeValues(times: Times): TimeValues {
  return {
    quietStart: times.quietStart,
    quietEnd: times.quietEnd,
    mentorReminder: times.mentorReminder,
    guardianReminder: times.guardianReminder,
    leadDigest: times.leadDigest,
  };
}

const TIME_LABELS: Record<TimeField, [MessageKey, MessageKey]> = {
  quietStart: ['notify.admin.quietStart', 'notify.admin.quietHint'],
  quietEnd: ['notify.admin.quietEnd', 'notify.admin.quietHint'],
  mentorReminder: ['notify.mentorReminder', 'notify.admin.mentorHint'],
  guardianReminder: ['notify.guardianReminder', 'notify.admin.guardianHint'],
  leadDigest: ['notify.leadDigest', 'notify.admin.leadHint'],
};

function TimesForm({ initial }: { initial: Times }) {
  const [values, setValues] = useState<TimeValues>(() => timeValues(initial));
  const [escalate, setEscalate] = useState(String(initial.escalateAfterMinutes));
  const [zone, setZone] = useState(initial.timeZone);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm([...TIME_FIELDS, 'escalateAfterMinutes']);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setSaved(null);
    // An empty or non-numeric entry cannot be sent as an Int; the range is the server's to check.
    const minutes = Number(escalate.trim());
    if (!escalate.trim() || !Number.isInteger(minutes) || Math.abs(minutes) > 100_000) {
      form.showInvalid({ field: 'escalateAfterMinutes', message: t('notify.admin.escalateInvalid') });
      return;
    }
    await form.submit(async () => {
      const { setSchoolReminderTimes: result } = await request(SetSchoolReminderTimesDocument, {
        input: { ...values, escalateAfterMinutes: minutes },
      });
      if (result.__typename === 'ValidationError') return result;
      setValues(timeValues(result));
      setEscalate(String(result.escalateAfterMinutes));
      setZone(result.timeZone);
      setSaved(t('notify.admin.timesSaved'));
    });
  };

  return (
    <form class="form panel section" onSubmit={onSubmit} noValidate aria-labelledby="notify-admin-times">
      <h2 id="notify-admin-times">{t('notify.admin.timesTitle')}</h2>
      <p class="note">{t('notify.admin.timeZone', { zone })}</p>
      <ErrorAlert message={form.formError} />
      <StatusMessage>{saved}</StatusMessage>
      {TIME_FIELDS.map((field) => (
        <Field
          key={field}
          type="time"
          label={t(TIME_LABELS[field][0])}
          hint={t(TIME_LABELS[field][1])}
          value={values[field]}
          onValue={(value) => setValues((current) => ({ ...current, [field]: value }))}
          error={form.fieldErrors[field]}
        />
      ))}
      <Field
        type="number"
        inputMode="numeric"
        min={5}
        max={240}
        step={1}
        label={t('notify.admin.escalateAfter')}
        hint={t('notify.admin.escalateHint')}
        value={escalate}
        onValue={setEscalate}
        error={form.fieldErrors.escalateAfterMinutes}
      />
      <button type="submit" class="button-primary" disabled={form.busy}>
        {form.busy ? t('common.saving') : t('notify.admin.saveTimes')}
      </button>
    </form>
  );
}

/** Adds a robot (robot null) or changes one; on edit an empty URL keeps the saved one. */
function RobotForm({ robot, onSaved, onCancel }: { robot: Robot | null; onSaved: (saved: Robot) => void; onCancel?: () => void }) {
  const [name, setName] = useState(robot?.name ?? '');
  const [url, setUrl] = useState('');
  const [kinds, setKinds] = useState<NotificationKind[]>(robot?.kinds ?? ['CRISIS_ALERT']);
  const [active, setActive] = useState(robot?.active ?? true);
  const form = useForm(['name', 'url', 'kinds']);
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const title = robot ? t('notify.admin.editTitle', { name: robot.name }) : t('notify.admin.addRobot');

  // An edit form opened from the list takes the focus, so the keyboard is where the eyes are.
  useEffect(() => {
    if (robot) heading.current?.focus();
  }, [robot?.id]);

  const toggle = (kind: NotificationKind, on: boolean) =>
    setKinds((current) => (on ? ROBOT_KINDS.filter((k) => k === kind || current.includes(k)) : current.filter((k) => k !== kind)));

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    await form.submit(async () => {
      const { saveSchoolWebhook: result } = await request(SaveSchoolWebhookDocument, {
        input: { id: robot?.id ?? null, name: name.trim(), url: url.trim() || null, kinds, active },
      });
      if (result.__typename === 'ValidationError') return result;
      // The URL is not kept in the page once saved: it holds the robot's key.
      setUrl('');
      if (!robot) {
        setName('');
        setKinds(['CRISIS_ALERT']);
        setActive(true);
      }
      onSaved(result);
    });
  };

  const kindsError = form.fieldErrors.kinds;
  return (
    <form class={robot ? 'form subform' : 'form panel section'} onSubmit={onSubmit} noValidate aria-label={title}>
      <h3 ref={heading} tabIndex={-1}>
        {title}
      </h3>
      <ErrorAlert message={form.formError} />
      <Field label={t('notify.admin.robotName')} hint={t('notify.admin.robotNameHint')} value={name} onValue={setName}
        maxLength={50} error={form.fieldErrors.name} />
      <Field
        type="url"
        inputMode="url"
        autoComplete="off"
        autoCapitalize="none"
        spellcheck={false}
        label={t('notify.admin.robotUrl')}
        hint={robot ? t('notify.admin.robotUrlKeep', { hint: robot.urlHint }) : t('notify.admin.robotUrlNew')}
        optional={!!robot}
        value={url}
        onValue={setUrl}
        maxLength={2000}
        error={form.fieldErrors.url}
      />
      <fieldset class="field" aria-describedby={kindsError ? `${id}-kinds-error` : undefined}>
        <legend>{t('notify.admin.robotKindsLegend')}</legend>
        {ROBOT_KINDS.map((kind) => (
          <div key={kind}>
            <label class="pick">
              <input type="checkbox" checked={kinds.includes(kind)} onChange={(event) => toggle(kind, event.currentTarget.checked)} />
              {kindLabel(kind)}
            </label>
          </div>
        ))}
        {kindsError && (
          <p class="field-error" id={`${id}-kinds-error`} role="alert">
            {kindsError}
          </p>
        )}
      </fieldset>
      <CheckboxField label={t('notify.admin.robotActiveLabel')} checked={active} onChecked={setActive} />
      <div class="button-row">
        <button type="submit" class="button-primary" disabled={form.busy}>
          {form.busy ? t('common.saving') : robot ? t('notify.admin.saveRobot') : t('notify.admin.addRobot')}
        </button>
        {onCancel && (
          <button type="button" class="button-quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function RobotItem({ robot, onSaved, onRemoved }: { robot: Robot; onSaved: (saved: Robot) => void; onRemoved: (robot: Robot) => void }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  // Back from the edit form (saved or cancelled): the focus returns to the button that opened it.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      const { removeSchoolWebhook: result } = await request(RemoveSchoolWebhookDocument, { id: robot.id });
      if (result.__typename === 'ValidationError') {
        setError(result.message);
        return;
      }
      onRemoved(robot);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  if (editing) {
    return (
      <li class="row robot-row">
        <RobotForm
          robot={robot}
          onSaved={(saved) => {
            setEditing(false);
            onSaved(saved);
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li class="row robot-row">
      <h3>{robot.name}</h3>
      <p>{t('notify.admin.robotUrlHint', { hint: robot.urlHint })}</p>
      <p>{t('notify.admin.robotKinds', { kinds: inOrder(robot.kinds).map(kindLabel).join(t('common.listSeparator')) })}</p>
      <p>
        <span class={robot.active ? 'badge' : 'badge badge-inactive'}>
          {robot.active ? t('notify.admin.robotActive') : t('notify.admin.robotPaused')}
        </span>
      </p>
      <ErrorAlert message={error} />
      <div class="button-row">
        <button type="button" class="button-secondary" ref={editButton} onClick={() => { setConfirming(false); setEditing(true); }}>
          {t('notify.admin.editRobot', { name: robot.name })}
        </button>
        <button type="button" class="button-quiet" onClick={() => setConfirming(true)} aria-expanded={confirming}>
          {t('notify.admin.removeRobot', { name: robot.name })}
        </button>
      </div>
      {confirming && (
        <ConfirmRemove
          question={t('notify.admin.confirmRemove', { name: robot.name })}
          confirmLabel={t('notify.admin.confirmRemoveButton', { name: robot.name })}
          subject={robot.id}
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </li>
  );
}

function Robots({ initial }: { initial: Robot[] }) {
  const [robots, setRobots] = useState(initial);
  const [status, setStatus] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const saved = (robot: Robot) => {
    setRobots((all) => (all.some((r) => r.id === robot.id) ? all.map((r) => (r.id === robot.id ? robot : r)) : [...all, robot]));
    setStatus(t('notify.admin.saved', { name: robot.name }));
  };
  const removed = (robot: Robot) => {
    setRobots((all) => all.filter((r) => r.id !== robot.id));
    setStatus(t('notify.admin.removed', { name: robot.name }));
    // The removed entry held the focus.
    heading.current?.focus();
  };

  return (
    <section aria-labelledby="notify-admin-robots" class="section">
      <h2 id="notify-admin-robots" ref={heading} tabIndex={-1}>
        {t('notify.admin.robotsTitle')}
      </h2>
      <p>{t('notify.admin.robotsIntro')}</p>
      <StatusMessage>{status}</StatusMessage>
      {robots.length === 0 ? (
        <p>{t('notify.admin.robotsNone')}</p>
      ) : (
        <ul class="rows" aria-label={t('notify.admin.robotsLabel')}>
          {robots.map((robot) => (
            <RobotItem key={robot.id} robot={robot} onSaved={saved} onRemoved={removed} />
          ))}
        </ul>
      )}
      <RobotForm robot={null} onSaved={saved} />
    </section>
  );
}

export function NotificationsAdminPage() {
  const [times, setTimes] = useState<Times | null>(null);
  const [robots, setRobots] = useState<Robot[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    request(SchoolReminderTimesDocument, {})
      .then((data) => setTimes(data.schoolReminderTimes))
      .catch((caught) => setError(errorMessage(caught)));
    request(SchoolWebhooksDocument, {})
      .then((data) => setRobots(data.schoolWebhooks))
      .catch((caught) => setError(errorMessage(caught)));
  }, []);

  return (
    <AdminPage title={t('notify.admin.title')}>
      <p class="note">{t('notify.admin.intro')}</p>
      <ErrorAlert message={error} />
      {times ? <TimesForm initial={times} /> : !error && <p>{t('app.loading')}</p>}
      {robots ? <Robots initial={robots} /> : !error && times && <p>{t('app.loading')}</p>}
    </AdminPage>
  );
}
