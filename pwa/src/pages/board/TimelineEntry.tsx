// One entry of the combined timeline, rendered by its kind; signals stand out in words and marks.
import type { ComponentChildren } from 'preact';
import type { StudentTimelineQuery } from '../../api/generated';
import { t } from '../../i18n';
import { Link } from '../../router';
import { SignalList } from './Badges';
import { formatDate, formatDateTime } from '../../i18n/time';
import { accompanimentLabel, changeValue, inSchoolLabel, kindLabel } from './labels';

export type Entry = StudentTimelineQuery['timeline']['nodes'][number];
type Item = Entry['item'];
type ItemOf<T extends Item['__typename']> = Extract<Item, { __typename: T }>;

const LISTENING_TARGET = 15;
const EXERCISE_TARGET = 60;

function Note({ text }: { text: string }) {
  return text ? <p class="entry-note">{text}</p> : null;
}

function Author({ name, labelKey = 'timeline.author' }: { name: string | null | undefined; labelKey?: 'timeline.author' | 'timeline.changedBy' | 'timeline.raisedBy' }) {
  return <p class="entry-author muted">{t(labelKey, { name: name ?? t('timeline.unknownAuthor') })}</p>;
}

function Facts({ children }: { children: ComponentChildren }) {
  return <p class="entry-facts">{children}</p>;
}

function Target({ labelKey, minutes, target }: { labelKey: 'timeline.listening' | 'timeline.exercise'; minutes: number; target: number }) {
  const met = minutes >= target;
  return (
    <span class={met ? 'target target-met' : 'target target-missed'}>
      <span aria-hidden="true">{met ? '✓ ' : '✗ '}</span>
      {t(labelKey, { minutes, target })}
      {t(met ? 'timeline.met' : 'timeline.missed')}
    </span>
  );
}

type Revision = ItemOf<'CheckIn'>['revisions'][number];

/** What a check-in said before it was amended, oldest first; folded away. */
function Revisions({ revisions }: { revisions: Revision[] }) {
  return (
    <details class="entry-revisions">
      <summary>{t('timeline.revisions', { count: revisions.length })}</summary>
      <ol class="revisions">
        {revisions.map((revision) => (
          <li key={revision.version} class="revision">
            <p class="revision-title">
              {t('timeline.revision', { version: revision.version, time: formatDateTime(revision.replacedAt) })}
            </p>
            <MoodAndStatus mood={revision.mood} status={revision.status} />
            <SignalList signals={revision.signals} />
            <p class="entry-note">
              {revision.note ? t('timeline.revisionNote', { note: revision.note }) : t('timeline.revisionNoNote')}
            </p>
          </li>
        ))}
      </ol>
    </details>
  );
}

function MoodAndStatus({ mood, status, children }: { mood: number; status: ItemOf<'CheckIn'>['status']; children?: ComponentChildren }) {
  return (
    <Facts>
      {t('timeline.mood', { mood })}
      {' · '}
      {t('timeline.inSchool', { status: inSchoolLabel(status) })}
      {children}
    </Facts>
  );
}

function CheckInBody({ item, studentId }: { item: ItemOf<'CheckIn'>; studentId: string }) {
  const amended = item.version > 1 || item.amendedAt !== null;
  return (
    <>
      <MoodAndStatus mood={item.mood} status={item.status}>
        {amended && (
          <span class="badge badge-amended">
            {item.amendedAt ? t('timeline.amendedAt', { time: formatDateTime(item.amendedAt) }) : t('timeline.amended')}
          </span>
        )}
      </MoodAndStatus>
      <SignalList signals={item.signals} />
      <p>
        {item.talked
          ? item.talkMinutes
            ? t('timeline.talkedMinutes', { minutes: item.talkMinutes })
            : t('timeline.talked')
          : t('timeline.notTalked')}
      </p>
      <Note text={item.note} />
      <Author name={item.author?.displayName} />
      {item.revisions.length > 0 && <Revisions revisions={item.revisions} />}
      {item.canAmend && (
        <p class="entry-actions">
          <Link href={`/check-in/${studentId}?amend=${item.id}`} class="button-secondary">
            {t('timeline.amend')}
          </Link>
        </p>
      )}
    </>
  );
}

function HomeLogBody({ item }: { item: ItemOf<'HomeLog'> }) {
  return (
    <>
      <Facts>{t('timeline.logDate', { date: formatDate(item.logDate) })}</Facts>
      <p class="entry-targets">
        <Target labelKey="timeline.listening" minutes={item.listeningMinutes} target={LISTENING_TARGET} />
        <Target labelKey="timeline.exercise" minutes={item.exerciseMinutes} target={EXERCISE_TARGET} />
      </p>
      <Facts>
        {t('timeline.accompaniment', { value: accompanimentLabel(item.accompaniment) })}
        {item.sleepHours !== null && <> · {t('timeline.sleep', { hours: item.sleepHours })}</>}
        {item.homeMood !== null && <> · {t('timeline.homeMood', { mood: item.homeMood })}</>}
        {item.screenMinutes !== null && <> · {t('timeline.screen', { minutes: item.screenMinutes })}</>}
      </Facts>
      <SignalList signals={item.signals} />
      <Note text={item.note} />
      <Author name={item.author?.displayName} />
    </>
  );
}

function ObservationBody({ item }: { item: ItemOf<'Observation'> }) {
  return (
    <>
      <SignalList signals={item.signals} />
      <Note text={item.note} />
      <Author name={item.author?.displayName} />
    </>
  );
}

function changeText(item: ItemOf<'CaseChange'>): string {
  const subject = item.subject?.displayName ?? t('timeline.unknownAuthor');
  switch (item.kind) {
    case 'OPENED':
      return t('timeline.change.OPENED', { level: changeValue('level', item.toValue) });
    case 'LEVEL':
      return t('timeline.change.LEVEL', { from: changeValue('level', item.fromValue), to: changeValue('level', item.toValue) });
    case 'STATUS':
      return t('timeline.change.STATUS', { from: changeValue('status', item.fromValue), to: changeValue('status', item.toValue) });
    case 'LEAD':
      return t('timeline.change.LEAD', { name: subject });
    case 'MEMBER_ADDED':
      return t('timeline.change.MEMBER_ADDED', { name: subject, role: changeValue('role', item.toValue) });
    case 'MEMBER_REMOVED':
      return t('timeline.change.MEMBER_REMOVED', { name: subject });
  }
}

function CaseChangeBody({ item }: { item: ItemOf<'CaseChange'> }) {
  return (
    <>
      <p class="entry-change">{changeText(item)}</p>
      {item.reason && <p class="entry-note">{t('timeline.reason', { reason: item.reason })}</p>}
      <Author name={item.changedBy?.displayName} labelKey="timeline.changedBy" />
    </>
  );
}

function AlertBody({ item }: { item: ItemOf<'Alert'> }) {
  return (
    <>
      <SignalList signals={item.signals} />
      {item.acknowledgedAt ? (
        <p class="alert-state alert-state-done">
          {t('timeline.alertAcknowledged', {
            name: item.acknowledgedBy?.displayName ?? t('timeline.unknownAuthor'),
            time: formatDateTime(item.acknowledgedAt),
          })}
        </p>
      ) : (
        <p class="alert-state alert-state-open">
          <span aria-hidden="true" class="sig-mark">
            !
          </span>
          {t('timeline.alertOpen')}
        </p>
      )}
      <Author name={item.raisedBy?.displayName} labelKey="timeline.raisedBy" />
    </>
  );
}

/** 结论建议互商互通: the counsellor's shared conclusion, and nothing else of the session. */
function CounsellingBody({ item }: { item: ItemOf<'CounsellingConclusion'> }) {
  return <p class="entry-note">{t('timeline.counsellingConclusion', { conclusion: item.conclusion })}</p>;
}

function Body({ item, studentId }: { item: Item; studentId: string }) {
  switch (item.__typename) {
    case 'CheckIn':
      return <CheckInBody item={item} studentId={studentId} />;
    case 'HomeLog':
      return <HomeLogBody item={item} />;
    case 'Observation':
      return <ObservationBody item={item} />;
    case 'CaseChange':
      return <CaseChangeBody item={item} />;
    case 'Alert':
      return <AlertBody item={item} />;
    case 'CounsellingConclusion':
      return <CounsellingBody item={item} />;
  }
}

export function TimelineEntryItem({ entry, studentId }: { entry: Entry; studentId: string }) {
  return (
    <li class={`entry entry-${entry.kind}${entry.hasSignal ? ' entry-signal' : ''}`} tabIndex={-1}>
      <h3 class="entry-title">
        <span>{kindLabel(entry.kind)}</span>
        <time class="entry-time" dateTime={entry.occurredAt}>
          {formatDateTime(entry.occurredAt)}
        </time>
      </h3>
      {entry.hasSignal && <p class="entry-flag">{t('timeline.hasSignal')}</p>}
      <Body item={entry.item} studentId={studentId} />
    </li>
  );
}
