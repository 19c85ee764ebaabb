// A guardian's home card, one per child: tonight's home log, the streak and the 15/60 targets,
// the latest entries the school shares with the family, and the care team's contacts.
// There is no warning level here: the API never gives it to guardians.
import { useState } from 'preact/hooks';
import { request } from '../../api/client';
import { FamilyCardDocument } from '../../api/operations/mentor';
import { OutboxStatus } from '../../components/OutboxStatus';
import { useOutbox } from '../../db/useOutbox';
import { t, type MessageKey } from '../../i18n';
import { formatRelative, schoolEvening } from '../../i18n/time';
import { Link } from '../../router';
import type { Me } from '../../state/session';
import { moodLabel, SavedMessage } from './controls';
import { takeFlash } from './flash';
import { useLastKnown } from '../../state/useLastKnown';
import { PART, type FamilyData } from './memory';
import { useReloadWhenSent } from './useReloadWhenSent';
import '../../styles/mentor.css';

type Role = Me['roles'][number];
type Entry = NonNullable<FamilyData['timeline']>['nodes'][number];
type Member = NonNullable<FamilyData['careTeam']>['members'][number];
type Adherence = NonNullable<FamilyData['homeLogStats']>['last7'];

function useFamily(studentId: string) {
  return useLastKnown(PART.family(studentId), () => request(FamilyCardDocument, { studentId }));
}

function Targets({ last7, last30 }: { last7: Adherence; last30: Adherence }) {
  const cell = (n: number, a: Adherence) => t('family.daysOf', { n, days: a.days });
  return (
    <table class="targets">
      <caption>{t('family.targetsTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">
            <span class="visually-hidden">{t('family.target')}</span>
          </th>
          <th scope="col">{t('family.last7')}</th>
          <th scope="col">{t('family.last30')}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{t('family.listening')}</th>
          <td>{cell(last7.listeningMet, last7)}</td>
          <td>{cell(last30.listeningMet, last30)}</td>
        </tr>
        <tr>
          <th scope="row">{t('family.exercise')}</th>
          <td>{cell(last7.exerciseMet, last7)}</td>
          <td>{cell(last30.exerciseMet, last30)}</td>
        </tr>
        <tr>
          <th scope="row">{t('family.logged')}</th>
          <td>{cell(last7.logged, last7)}</td>
          <td>{cell(last30.logged, last30)}</td>
        </tr>
      </tbody>
    </table>
  );
}

function SharedEntry({ entry }: { entry: Entry }) {
  const item = entry.item;
  let title = t('family.entry.other');
  const details: string[] = [];
  let note = '';
  if (item.__typename === 'CheckIn') {
    title = t('family.entry.checkIn', { author: item.author?.displayName ?? '' });
    details.push(t('family.entry.mood', { mood: moodLabel(item.mood) }));
    details.push(t('family.entry.status', { status: t(`mentor.status.${item.status}` as MessageKey) }));
    if (item.talked) details.push(t('family.entry.talked'));
    note = item.note;
  } else if (item.__typename === 'HomeLog') {
    title = t('family.entry.homeLog', { author: item.author?.displayName ?? '' });
    details.push(t('family.entry.minutes', { listening: item.listeningMinutes, exercise: item.exerciseMinutes }));
    if (item.homeMood) details.push(t('family.entry.mood', { mood: moodLabel(item.homeMood) }));
    note = item.note;
  }
  return (
    <li class="shared-entry">
      <p class="shared-title">
        {title} <span class="muted small">{formatRelative(entry.occurredAt)}</span>
      </p>
      {details.length > 0 && <p class="small">{details.join(t('common.listSeparator'))}</p>}
      {note && <p class="shared-note">{note}</p>}
    </li>
  );
}

const RELATIONS = ['father', 'mother', 'grandparent', 'other'];

function relationLabel(relation: string): string {
  return RELATIONS.includes(relation) ? t(`relation.${relation}` as MessageKey) : relation;
}

function Contact({ member }: { member: Member }) {
  const role = t(`family.role.${member.role}` as MessageKey);
  const label = member.role === 'GUARDIAN' && member.relation ? `${role}（${relationLabel(member.relation)}）` : role;
  const name = member.person.displayName;
  return (
    <li class="contact">
      <p>
        <span class="contact-name">{name}</span> <span class="muted">{label}</span>
      </p>
      {member.person.phone ? (
        <a class="button-secondary tel" href={`tel:${member.person.phone.replace(/[^\d+]/g, '')}`}>
          {t('family.call', { name, phone: member.person.phone })}
        </a>
      ) : (
        <p class="muted small">{t('family.noPhone')}</p>
      )}
    </li>
  );
}

export function FamilyCard({ role, me, showOutbox }: { role: Role; me: Me; showOutbox: boolean }) {
  const accountId = me.account.id;
  const studentId = role.studentId ?? '';
  const name = role.studentName ?? '';
  const { data, error, offline, reload } = useFamily(studentId);
  const [flash] = useState(() => takeFlash(`homeLog:${studentId}`));
  const { waiting } = useOutbox(accountId);

  const stats = data?.homeLogStats ?? null;
  // Kept from an earlier evening (opened offline the next one): "logged tonight" was about that evening.
  const today = offline ? schoolEvening() : (stats?.today ?? schoolEvening());
  const loggedToday = stats !== null && stats.loggedToday && stats.today === today;
  const waitingLogs = waiting.filter((entry) => entry.kind === 'homeLog' && entry.studentId === studentId);
  useReloadWhenSent(waitingLogs.length, reload);
  const waitingTonight = waitingLogs.some(
    (entry) => (entry.variables.input as { logDate?: string } | undefined)?.logDate === today,
  );
  const tonight = loggedToday ? 'done' : waitingTonight ? 'waiting' : 'todo';
  const members = (data?.careTeam?.members ?? []).filter((member) => member.person.id !== accountId);

  return (
    <div class="family-card">
      {flash && <SavedMessage state={flash.state} text={flash.text} />}
      {!data && !error && !offline && <p role="status">{t('family.loading')}</p>}
      {!data && offline && <p class="muted">{t('offline.notKept')}</p>}
      {error && (
        <p role="alert" class="alert alert-error">
          {t('family.loadFailed', { message: error })}
        </p>
      )}
      {stats && (
        <p class={`tonight tonight-${tonight}`}>
          {tonight === 'done' ? t('family.tonightDone') : tonight === 'waiting' ? t('family.tonightWaiting') : t('family.tonightTodo')}
        </p>
      )}
      {(!stats || tonight === 'todo') && (
        <Link href={`/home-log/${studentId}`} class="button-primary big-button">
          {t('family.recordButton', { name })}
        </Link>
      )}
      {stats && (
        <>
          <p class="streak">{stats.streak > 0 ? t('family.streak', { n: stats.streak }) : t('family.streakNone')}</p>
          <Targets last7={stats.last7} last30={stats.last30} />
          {tonight !== 'todo' && (
            <p>
              <Link href={`/home-log/${studentId}`} class="button-secondary">
                {t('family.earlierButton', { name })}
              </Link>
            </p>
          )}
        </>
      )}
      {data && (
        <>
          <h3>{t('family.sharedTitle')}</h3>
          {data.timeline.nodes.length === 0 ? (
            <p class="muted">{t('family.sharedNone')}</p>
          ) : (
            <ul class="shared-list">
              {data.timeline.nodes.map((entry) => (
                <SharedEntry key={entry.id} entry={entry} />
              ))}
            </ul>
          )}
          <h3>{t('family.teamTitle')}</h3>
          {members.length === 0 ? (
            <p class="muted">{t('family.teamNone')}</p>
          ) : (
            <ul class="contact-list">
              {members.map((member) => (
                <Contact key={`${member.role}:${member.person.id}`} member={member} />
              ))}
            </ul>
          )}
        </>
      )}
      <p>
        <Link href="/observe" class="observe-link">
          {t('observe.link')}
        </Link>
      </p>
      {showOutbox && <OutboxStatus accountId={accountId} />}
    </div>
  );
}
