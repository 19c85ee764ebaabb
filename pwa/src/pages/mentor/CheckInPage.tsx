// /check-in/<studentId>: a mentor's daily check-in, made for a phone in a corridor — one tap for
// the mood, the usual answers preselected, saved on the phone first and sent when possible.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, request } from '../../api/client';
import type { EntryVisibility, InSchoolStatus, RecordCheckInMutationVariables, Signal } from '../../api/generated';
import { CheckInStudentDocument } from '../../api/operations/mentor';
import { ErrorAlert } from '../../components/Alert';
import { OutboxStatus } from '../../components/OutboxStatus';
import { Page } from '../../components/Page';
import { useForm } from '../../components/useForm';
import { t, type MessageKey } from '../../i18n';
import { Link, navigate } from '../../router';
import type { Me } from '../../state/session';
import { ChoiceGroup, moodChoices, NoteField, NumberField, SavedMessage, SignalChips } from './controls';
import { setFlash } from './flash';
import { recallName, rememberName } from './memory';
import { focusFirstError, newEntryId, submitEntry } from './save';
import '../../styles/mentor.css';

const STATUSES: InSchoolStatus[] = ['PRESENT', 'LATE', 'LEFT_EARLY', 'ABSENT_WITH_LEAVE', 'ABSENT_WITHOUT_REASON'];
const VISIBILITIES: EntryVisibility[] = ['TEAM', 'FAMILY'];
const NOTE_MAX = 500;
const FIELDS = ['mood', 'status', 'signals', 'talkMinutes', 'note', 'visibility'] as const;

/** The student's name: remembered from the home card, else asked for (which also says whether I may check in). */
function useStudent(studentId: string) {
  const [name, setName] = useState<string | null>(() => recallName(studentId));
  const [allowed, setAllowed] = useState(true);
  useEffect(() => {
    let current = true;
    request(CheckInStudentDocument, { studentId }).then(
      ({ studentCare }) => {
        if (!current) return;
        rememberName(studentId, studentCare.student.name);
        setName(studentCare.student.name);
        setAllowed(studentCare.canCheckIn);
      },
      (caught: unknown) => {
        // Offline, the remembered name is enough; a refusal means this is not my student.
        if (current && caught instanceof ApiError && ['NOT_FOUND', 'FORBIDDEN'].includes(caught.code)) setAllowed(false);
      },
    );
    return () => {
      current = false;
    };
  }, [studentId]);
  return { name, allowed };
}

function CheckInPage({ me, params }: { me: Me; params: string[] }) {
  const studentId = params[0];
  const { name, allowed } = useStudent(studentId);
  const shownName = name ?? t('mentor.checkIn.unknownStudent');
  const [mood, setMood] = useState<string | null>(null);
  const [status, setStatus] = useState<InSchoolStatus>('PRESENT');
  const [signals, setSignals] = useState<Signal[]>([]);
  const [talked, setTalked] = useState<'no' | 'yes'>('no');
  const [talkMinutes, setTalkMinutes] = useState('');
  const [note, setNote] = useState('');
  const [visibility, setVisibility] = useState<EntryVisibility>('TEAM');
  const [saved, setSaved] = useState<'sent' | 'waiting' | null>(null);
  const form = useForm(FIELDS);
  const formRef = useRef<HTMLFormElement>(null);
  const mentor = me.roles.some((role) => role.kind === 'MENTOR');

  const sending = useRef(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (sending.current) return;
    if (!mood) {
      form.showInvalid({ field: 'mood', message: t('mentor.checkIn.moodRequired') });
      focusFirstError(formRef.current);
      return;
    }
    const id = newEntryId();
    const minutes = talked === 'yes' && talkMinutes.trim() !== '' ? Number(talkMinutes) : null;
    const variables: RecordCheckInMutationVariables = {
      id,
      input: {
        studentId,
        mood: Number(mood),
        status,
        signals,
        talked: talked === 'yes',
        talkMinutes: minutes !== null && Number.isFinite(minutes) ? Math.round(minutes) : null,
        note: note.trim() || null,
        visibility,
        // When it was made, not when it reaches the server (it may wait offline).
        occurredAt: new Date().toISOString(),
      },
    };
    sending.current = true;
    const outcome = await submitEntry(form, {
      id,
      accountId: me.account.id,
      kind: 'checkIn',
      studentId,
      studentName: name ?? '',
      variables: variables as unknown as Record<string, unknown>,
    });
    sending.current = false;
    if (!outcome) {
      focusFirstError(formRef.current);
      return;
    }
    const text =
      outcome.state === 'sent' ? t('mentor.checkIn.sent', { name: shownName }) : t('mentor.checkIn.waiting', { name: shownName });
    if (mentor) {
      // Back to my students, where the confirmation is shown (and focused).
      setFlash({ target: 'checkIn', state: outcome.state, text });
      navigate('/');
    } else {
      setSaved(outcome.state);
    }
  };

  const title = name ? t('mentor.checkIn.title', { name }) : t('mentor.checkIn.titlePlain');

  if (saved) {
    return (
      <Page title={title}>
        <SavedMessage
          state={saved}
          text={saved === 'sent' ? t('mentor.checkIn.sent', { name: shownName }) : t('mentor.checkIn.waiting', { name: shownName })}
        >
          <p class="actions">
            <Link href="/">{t('mentor.home')}</Link>
            <Link href={`/students/${studentId}`}>{t('mentor.checkIn.studentPage', { name: shownName })}</Link>
          </p>
        </SavedMessage>
        <OutboxStatus accountId={me.account.id} />
      </Page>
    );
  }

  if (!allowed) {
    return (
      <Page title={title}>
        <p class="alert alert-error">{t('mentor.checkIn.notAllowed')}</p>
        <p>
          <Link href="/">{t('mentor.home')}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={title} className="entry-page">
      <form ref={formRef} class="form entry-form" onSubmit={onSubmit} noValidate>
        <ErrorAlert message={form.formError} />
        <ChoiceGroup
          legend={t('mentor.checkIn.mood')}
          name="mood"
          layout="row"
          choices={moodChoices()}
          value={mood}
          onChange={setMood}
          error={form.fieldErrors.mood}
        />
        <ChoiceGroup
          legend={t('mentor.checkIn.status')}
          name="status"
          layout="grid"
          choices={STATUSES.map((value) => ({ value, label: t(`mentor.status.${value}` as MessageKey) }))}
          value={status}
          onChange={setStatus}
          error={form.fieldErrors.status}
        />
        <SignalChips value={signals} onChange={setSignals} error={form.fieldErrors.signals} />
        <ChoiceGroup
          legend={t('mentor.checkIn.talk')}
          name="talked"
          layout="row"
          choices={[
            { value: 'no', label: t('mentor.checkIn.talkNo') },
            { value: 'yes', label: t('mentor.checkIn.talkYes') },
          ]}
          value={talked}
          onChange={setTalked}
        />
        {talked === 'yes' && (
          <NumberField
            label={t('mentor.checkIn.talkMinutes')}
            value={talkMinutes}
            onValue={setTalkMinutes}
            max={240}
            optional
            error={form.fieldErrors.talkMinutes}
          />
        )}
        <NoteField
          label={t('mentor.checkIn.note')}
          hint={t('mentor.checkIn.noteHint')}
          value={note}
          onValue={setNote}
          max={NOTE_MAX}
          error={form.fieldErrors.note}
        />
        <ChoiceGroup
          legend={t('mentor.checkIn.visibility')}
          name="visibility"
          choices={VISIBILITIES.map((value) => ({
            value,
            label: t(`mentor.checkIn.visibility.${value}` as MessageKey),
            hint: t(`mentor.checkIn.visibility.${value}Hint` as MessageKey),
          }))}
          value={visibility}
          onChange={setVisibility}
          error={form.fieldErrors.visibility}
        />
        <button type="submit" class="button-primary big-button" aria-disabled={form.busy ? 'true' : undefined}>
          {form.busy ? t('mentor.checkIn.submitting') : t('mentor.checkIn.submit')}
        </button>
      </form>
      <OutboxStatus accountId={me.account.id} />
    </Page>
  );
}

export { CheckInPage };
