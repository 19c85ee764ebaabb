// The care team (工作专班, “一人总负责，多对一”): lead, mentors, other members and guardians,
// each a tap away by phone. The lead (and the class teacher, counsellors, leadership) add and
// remove members and hand over the lead.
import { useRef, useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { StudentCareQuery, TeamCandidatesQuery, TeamRole } from '../../api/generated';
import {
  AddTeamMemberDocument,
  RemoveTeamMemberDocument,
  SetTeamLeadDocument,
  TeamCandidatesDocument,
} from '../../api/operations/board';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { SelectField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { t } from '../../i18n';
import { relationLabel } from '../Home';
import { MEMBER_ROLES, roleLabel } from './labels';
import { ConfirmRemove } from '../../components/ConfirmRemove';

export type Member = NonNullable<StudentCareQuery['studentCare']['team']>['members'][number];
type Candidate = TeamCandidatesQuery['teamCandidates'][number];

function PhoneLink({ member }: { member: Member }) {
  const phone = member.person.phone;
  if (!phone) return <span class="muted">{t('team.noPhone')}</span>;
  return (
    <a class="phone-link" href={`tel:${phone.replace(/[^\d+]/g, '')}`}
      aria-label={t('team.call', { name: member.person.displayName, phone })}>
      <span aria-hidden="true" class="phone-mark">
        ☎
      </span>
      {phone}
    </a>
  );
}

function MemberRow({ member, canRemove, onRemove }: { member: Member; canRemove: boolean; onRemove: (member: Member) => void }) {
  const label =
    member.role === 'GUARDIAN'
      ? t('team.guardianLabel', { relation: relationLabel(member.relation) || roleLabel('GUARDIAN') })
      : roleLabel(member.role);
  return (
    <li class="member">
      <div class="member-who">
        <span class="member-name">{member.person.displayName}</span>
        {/* The group heading already says lead or mentor; others and guardians need their role. */}
        {member.role !== 'LEAD' && member.role !== 'MENTOR' && <span class="badge">{label}</span>}
      </div>
      <PhoneLink member={member} />
      {canRemove && (
        <button type="button" class="button-quiet" onClick={() => onRemove(member)}>
          {t('team.remove', { name: member.person.displayName })}
        </button>
      )}
    </li>
  );
}

function AddMemberForm({ caseId, members, onTeam }: { caseId: string; members: Member[]; onTeam: (result: Member[], message: string) => void }) {
  const [search, setSearch] = useState('');
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [chosen, setChosen] = useState('');
  const [role, setRole] = useState<TeamRole>('MENTOR');
  const form = useForm(['accountId', 'role']);
  const onTeamIds = new Set(members.map((member) => member.person.id));

  const find = async () => {
    setSearching(true);
    form.showInvalid({ field: null, message: '' });
    try {
      const data = await request(TeamCandidatesDocument, { search: search.trim() || null, first: 20 });
      setCandidates(data.teamCandidates.filter((person) => !onTeamIds.has(person.id)));
      setChosen('');
    } catch (caught) {
      form.showInvalid({ field: null, message: errorMessage(caught) });
    } finally {
      setSearching(false);
    }
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!chosen) return form.showInvalid({ field: 'accountId', message: t('team.choosePerson') });
    const person = candidates?.find((candidate) => candidate.id === chosen);
    await form.submit(async () => {
      const { addTeamMember: result } = await request(AddTeamMemberDocument, { caseId, accountId: chosen, role });
      if (result.__typename === 'ValidationError') return result;
      setCandidates(null);
      setChosen('');
      setSearch('');
      onTeam(result.members, t('team.added', { name: person?.displayName ?? '', role: roleLabel(role) }));
    });
  };

  return (
    <form class="form subform" onSubmit={onSubmit} noValidate aria-labelledby="add-member-title">
      <h3 id="add-member-title">{t('team.add')}</h3>
      <ErrorAlert message={form.formError || null} />
      <div class="field">
        <label for="team-search">{t('team.search')}</label>
        <div class="search-row">
          <input id="team-search" type="search" value={search} autoComplete="off"
            onInput={(event) => setSearch(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                void find();
              }
            }} />
          <button type="button" class="button-secondary" onClick={() => void find()} disabled={searching}>
            {t('common.search')}
          </button>
        </div>
      </div>
      <p role="status" class="muted">
        {searching ? t('app.loading') : candidates ? t('team.found', { count: candidates.length }) : ''}
      </p>
      {candidates && candidates.length > 0 && (
        <fieldset class="field picks" aria-describedby={form.fieldErrors.accountId ? 'add-member-error' : undefined}>
          <legend>{t('team.choosePerson')}</legend>
          {candidates.map((person) => (
            <label key={person.id} class="pick">
              <input type="radio" name="team-candidate" value={person.id} checked={chosen === person.id}
                onChange={() => setChosen(person.id)} />
              <span>{person.displayName}</span>
            </label>
          ))}
        </fieldset>
      )}
      {form.fieldErrors.accountId && (
        <p class="field-error" id="add-member-error" role="alert">
          {form.fieldErrors.accountId}
        </p>
      )}
      <SelectField label={t('team.roleLabel')} value={role} onValue={(value) => setRole(value as TeamRole)}
        error={form.fieldErrors.role} options={MEMBER_ROLES.map((value) => ({ value, label: roleLabel(value) }))} />
      <button type="submit" class="button-primary" disabled={form.busy}>
        {form.busy ? t('common.saving') : t('team.addSubmit')}
      </button>
    </form>
  );
}

function LeadForm({ caseId, members, onTeam }: { caseId: string; members: Member[]; onTeam: (result: Member[], message: string) => void }) {
  const staff = members.filter((member) => member.role !== 'LEAD' && member.role !== 'GUARDIAN');
  const [chosen, setChosen] = useState('');
  const form = useForm(['accountId', 'leadId']);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!chosen) return form.showInvalid({ field: 'accountId', message: t('team.chooseLead') });
    const name = staff.find((member) => member.person.id === chosen)?.person.displayName ?? '';
    await form.submit(async () => {
      const { setTeamLead: result } = await request(SetTeamLeadDocument, { caseId, accountId: chosen });
      if (result.__typename === 'ValidationError') return result;
      setChosen('');
      onTeam(result.members, t('team.leadChanged', { name }));
    });
  };

  return (
    <form class="form subform" onSubmit={onSubmit} noValidate aria-labelledby="lead-title">
      <h3 id="lead-title">{t('team.changeLead')}</h3>
      {staff.length === 0 ? (
        <p class="muted">{t('team.leadNeedsMember')}</p>
      ) : (
        <>
          <ErrorAlert message={form.formError} />
          <SelectField label={t('team.newLead')} value={chosen} onValue={setChosen}
            error={form.fieldErrors.accountId ?? form.fieldErrors.leadId}
            options={[{ value: '', label: t('common.choose') },
              ...staff.map((member) => ({ value: member.person.id, label: member.person.displayName }))]} />
          <p class="hint">{t('team.leadHint')}</p>
          <button type="submit" class="button-secondary" disabled={form.busy}>
            {form.busy ? t('common.saving') : t('team.changeLeadSubmit')}
          </button>
        </>
      )}
    </form>
  );
}

const GROUPS: { key: 'lead' | 'mentors' | 'others' | 'guardians'; title: Parameters<typeof t>[0]; roles: TeamRole[] }[] = [
  { key: 'lead', title: 'team.groupLead', roles: ['LEAD'] },
  { key: 'mentors', title: 'team.groupMentors', roles: ['MENTOR'] },
  { key: 'others', title: 'team.groupOthers', roles: ['SOCIAL_WORKER', 'DOCTOR', 'OUTSIDE_COUNSELLOR'] },
  { key: 'guardians', title: 'team.groupGuardians', roles: ['GUARDIAN'] },
];

export function TeamSection({ caseId, members, canManage, onMembers }: {
  caseId: string;
  members: Member[];
  canManage: boolean;
  onMembers: (members: Member[]) => void;
}) {
  const [removing, setRemoving] = useState<Member | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const update = (next: Member[], message: string) => {
    setError(null);
    setDone(message);
    onMembers(next);
  };

  const remove = async (member: Member) => {
    setBusy(true);
    setError(null);
    try {
      const { removeTeamMember: result } = await request(RemoveTeamMemberDocument, { caseId, accountId: member.person.id });
      if (result.__typename === 'ValidationError') {
        setError(result.message);
        return;
      }
      setRemoving(null);
      update(result.members, t('team.removed', { name: member.person.displayName }));
      heading.current?.focus();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="team-title" class="section">
      <h2 id="team-title" ref={heading} tabIndex={-1}>
        {t('team.title')}
      </h2>
      <ErrorAlert message={error} />
      <StatusMessage>{done}</StatusMessage>
      {GROUPS.map((group) => {
        const inGroup = members.filter((member) => group.roles.includes(member.role));
        if (inGroup.length === 0 && group.key !== 'lead') return null;
        return (
          <div key={group.key} class="team-group">
            <h3>{t(group.title)}</h3>
            {inGroup.length === 0 ? (
              <p class="muted">{t('team.noLead')}</p>
            ) : (
              <ul class="members">
                {inGroup.map((member) => (
                  <MemberRow key={member.person.id} member={member}
                    canRemove={canManage && member.role !== 'LEAD' && member.role !== 'GUARDIAN'}
                    onRemove={setRemoving} />
                ))}
              </ul>
            )}
          </div>
        );
      })}
      {removing && (
        <ConfirmRemove
          question={t('team.confirmRemove', { name: removing.person.displayName })}
          confirmLabel={t('team.confirmRemoveButton', { name: removing.person.displayName })}
          subject={removing.person.id}
          busy={busy}
          onConfirm={() => void remove(removing)}
          onCancel={() => {
            setRemoving(null);
            heading.current?.focus();
          }} />
      )}
      {canManage && (
        <details class="team-manage">
          <summary>{t('team.manage')}</summary>
          <AddMemberForm caseId={caseId} members={members} onTeam={update} />
          <LeadForm caseId={caseId} members={members} onTeam={update} />
        </details>
      )}
    </section>
  );
}
