// The combined timeline, newest first, a page at a time, with filters: kind, author, dates and
// "signals only". Applying the filters starts again from the first page; a polite status says
// how many entries are shown.
import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import { request } from '../../api/client';
import type { TimelineFilter, TimelineKind } from '../../api/generated';
import { StudentTimelineDocument } from '../../api/operations/board';
import { ErrorAlert } from '../../components/Alert';
import { CheckboxField, Field, SelectField } from '../../components/Field';
import { t } from '../../i18n';
import { usePaged } from '../admin/usePaged';
import { FAMILY_KINDS, KINDS, kindLabel } from './labels';
import type { Member } from './TeamSection';
import { TimelineEntryItem } from './TimelineEntry';
import { useFocusNew } from './useFocusNew';

const PAGE = 20;

interface Draft {
  kinds: TimelineKind[];
  authorId: string;
  since: string;
  until: string;
  signalsOnly: boolean;
}

function toFilter(draft: Draft, allKinds: TimelineKind[]): TimelineFilter | null {
  const filter: TimelineFilter = {
    kinds: draft.kinds.length === allKinds.length ? null : draft.kinds,
    authorId: draft.authorId || null,
    since: draft.since || null,
    until: draft.until || null,
    signalsOnly: draft.signalsOnly,
  };
  const active = filter.kinds || filter.authorId || filter.since || filter.until || filter.signalsOnly;
  return active ? filter : null;
}

function Filters({ allKinds, members, onApply }: {
  allKinds: TimelineKind[];
  members: Member[];
  onApply: (filter: TimelineFilter | null) => void;
}) {
  const empty: Draft = { kinds: allKinds, authorId: '', since: '', until: '', signalsOnly: false };
  const [draft, setDraft] = useState<Draft>(empty);
  const [errors, setErrors] = useState<{ kinds?: string; until?: string }>({});
  const kindsError = useId();
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const authors = members.filter((member, index) => members.findIndex((m) => m.person.id === member.person.id) === index);

  const apply = (event: Event) => {
    event.preventDefault();
    if (draft.kinds.length === 0) return setErrors({ kinds: t('timeline.filter.kindsRequired') });
    if (draft.since && draft.until && draft.since > draft.until) return setErrors({ until: t('timeline.filter.badRange') });
    setErrors({});
    onApply(toFilter(draft, allKinds));
  };

  const clear = () => {
    setDraft(empty);
    setErrors({});
    onApply(null);
  };

  return (
    <form class="form subform timeline-filters" onSubmit={apply} noValidate aria-labelledby="timeline-filter-title">
      <h3 id="timeline-filter-title">{t('timeline.filter.title')}</h3>
      <fieldset class="field" aria-describedby={errors.kinds ? kindsError : undefined}>
        <legend>{t('timeline.filter.kinds')}</legend>
        <div class="picks-inline">
          {allKinds.map((kind) => (
            <CheckboxField key={kind} label={kindLabel(kind)} checked={draft.kinds.includes(kind)}
              onChecked={(on) => set({ kinds: on ? allKinds.filter((k) => k === kind || draft.kinds.includes(k)) : draft.kinds.filter((k) => k !== kind) })} />
          ))}
        </div>
        {errors.kinds && (
          <p class="field-error" id={kindsError} role="alert">
            {errors.kinds}
          </p>
        )}
      </fieldset>
      <SelectField label={t('timeline.filter.author')} value={draft.authorId} onValue={(authorId) => set({ authorId })} filter
        options={[{ value: '', label: t('timeline.filter.anyAuthor') },
          ...authors.map((member) => ({ value: member.person.id, label: member.person.displayName }))]} />
      <div class="date-range">
        <Field label={t('timeline.filter.since')} type="date" value={draft.since} onValue={(since) => set({ since })} required={false} />
        <Field label={t('timeline.filter.until')} type="date" value={draft.until} onValue={(until) => set({ until })} required={false}
          error={errors.until} />
      </div>
      <CheckboxField label={t('timeline.filter.signalsOnly')} checked={draft.signalsOnly} onChecked={(signalsOnly) => set({ signalsOnly })} />
      <div class="button-row">
        <button type="submit" class="button-secondary">
          {t('timeline.filter.apply')}
        </button>
        <button type="button" class="button-quiet" onClick={clear}>
          {t('timeline.filter.clear')}
        </button>
      </div>
    </form>
  );
}

export function TimelineSection({ studentId, staff, members, changes }: {
  studentId: string;
  staff: boolean;
  members: Member[];
  /** Bumped when the page changed something that the timeline records. */
  changes: number;
}) {
  const allKinds = staff ? KINDS : FAMILY_KINDS;
  const [filter, setFilter] = useState<TimelineFilter | null>(null);
  const fetchPage = useCallback(
    async (after: string | null) =>
      (await request(StudentTimelineDocument, { studentId, first: PAGE, after, filter })).timeline,
    [studentId, filter],
  );
  const list = usePaged(fetchPage);
  const focus = useFocusNew(list.items.length);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void list.reload();
  }, [changes]);

  const count = list.items.length;
  let status = '';
  if (list.loading) status = t('common.loadingMore');
  else if (!list.error) {
    const more = list.hasNext ? t('timeline.countMore') : '';
    if (filter) status = count ? t('timeline.countFiltered', { count, more }) : t('timeline.emptyFiltered');
    else status = count ? t('timeline.count', { count, more }) : t('timeline.empty');
  }

  return (
    <section aria-labelledby="timeline-title" class="section">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <p class="hint">{staff ? t('timeline.introStaff') : t('timeline.introFamily')}</p>
      <Filters allKinds={allKinds} members={members} onApply={setFilter} />
      <p role="status" class="timeline-count">
        {status}
      </p>
      <ErrorAlert message={list.error} />
      {count > 0 && (
        <ol class="timeline" ref={focus.list}>
          {list.items.map((entry) => (
            <TimelineEntryItem key={entry.id} entry={entry} studentId={studentId} />
          ))}
        </ol>
      )}
      {list.hasNext && (
        <button type="button" class="button-secondary" disabled={list.loading}
          onClick={() => {
            focus.mark();
            void list.loadMore();
          }}>
          {t('timeline.more')}
        </button>
      )}
    </section>
  );
}
