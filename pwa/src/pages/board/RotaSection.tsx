// The week's accompaniment rota (全程陪伴): who of the team is with the student in each period
// of each school day. Gaps are marked in words, not only in colour. The lead edits one day at
// a time (a phone screen holds a day; the table above shows the week).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { CaseRotaQuery } from '../../api/generated';
import { CaseRotaDocument, SetRotaDocument } from '../../api/operations/board';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { useForm } from '../../components/useForm';
import { t } from '../../i18n';
import { clock } from '../../i18n/time';
import { roleLabel, weekdayLabel } from './labels';
import type { Member } from './TeamSection';

type Rota = NonNullable<CaseRotaQuery['rota']>;
type Period = Rota['periods'][number];
/** "weekday:periodId" → account ids */
type Cells = Record<string, string[]>;

const cellKey = (weekday: number, periodId: string) => `${weekday}:${periodId}`;

function cellsOf(rota: Rota): Cells {
  const cells: Cells = {};
  for (const item of rota.assignments) {
    const key = cellKey(item.weekday, item.periodId);
    cells[key] = [...(cells[key] ?? []), item.person.id];
  }
  return cells;
}

/** Only members of the team can be on the rota: a former lead's places no longer count. */
function keepOnly(cells: Cells, keep: Set<string>): Cells {
  return Object.fromEntries(Object.entries(cells).map(([key, ids]) => [key, ids.filter((id) => keep.has(id))]));
}

function fingerprint(cells: Cells): string {
  return Object.keys(cells)
    .filter((key) => cells[key].length > 0)
    .sort()
    .map((key) => `${key}=${[...cells[key]].sort().join(',')}`)
    .join(';');
}

function periodTime(period: Period): string {
  return `${clock(period.startMinute)}–${clock(period.endMinute)}`;
}

function WeekTable({ rota, cells, nameOf }: { rota: Rota; cells: Cells; nameOf: (id: string) => string }) {
  return (
    <div class="table-scroll" role="region" aria-labelledby="rota-caption" tabIndex={0}>
      <table class="rota-table">
        <caption id="rota-caption">{t('rota.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rota.period')}</th>
            {rota.schoolDays.map((day) => (
              <th scope="col" key={day}>
                {weekdayLabel(day)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rota.periods.map((period) => (
            <tr key={period.id}>
              <th scope="row">
                {period.name}
                <span class="period-time">{periodTime(period)}</span>
              </th>
              {rota.schoolDays.map((day) => {
                const people = cells[cellKey(day, period.id)] ?? [];
                return (
                  <td key={day} class={people.length ? 'rota-cell-covered' : 'rota-cell-gap'}>
                    {people.length ? (
                      people.map(nameOf).join(t('common.listSeparator'))
                    ) : (
                      <span class="rota-gap">
                        <span aria-hidden="true" class="sig-mark">
                          !
                        </span>
                        {t('rota.gap')}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function gapsOn(rota: Rota, cells: Cells, day: number): number {
  return rota.periods.filter((period) => !(cells[cellKey(day, period.id)] ?? []).length).length;
}

export function RotaSection({ caseId, members, canEdit }: { caseId: string; members: Member[]; canEdit: boolean }) {
  const [rota, setRota] = useState<Rota | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [cells, setCells] = useState<Cells>({});
  const [savedCells, setSavedCells] = useState<Cells>({});
  const [day, setDay] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm([]);
  const staff = members.filter((member) => member.role !== 'GUARDIAN');
  const staffIds = staff.map((member) => member.person.id).join(',');
  const team = useRef(staffIds);
  team.current = staffIds;

  useEffect(() => {
    let live = true;
    request(CaseRotaDocument, { caseId })
      .then((data) => {
        if (!live) return;
        if (!data.rota) {
          setLoadError(t('rota.unavailable'));
          return;
        }
        const initial = keepOnly(cellsOf(data.rota), new Set(team.current.split(',')));
        setRota(data.rota);
        setCells(initial);
        setSavedCells(initial);
        setDay(data.rota.schoolDays[0] ?? null);
      })
      .catch((error: unknown) => live && setLoadError(errorMessage(error)));
    return () => {
      live = false;
    };
  }, [caseId]);

  // A member taken off the team loses their rota places (the server does the same).
  useEffect(() => {
    const keep = new Set(staffIds.split(','));
    const prune = (current: Cells) => keepOnly(current, keep);
    setCells(prune);
    setSavedCells(prune);
  }, [staffIds]);

  const names = useMemo(() => {
    const known = new Map<string, string>();
    rota?.assignments.forEach((item) => known.set(item.person.id, item.person.displayName));
    members.forEach((member) => known.set(member.person.id, member.person.displayName));
    return known;
  }, [rota, members]);
  const nameOf = (id: string) => names.get(id) ?? '';

  if (loadError) return (
    <section aria-labelledby="rota-title" class="section">
      <h2 id="rota-title">{t('rota.title')}</h2>
      <ErrorAlert message={loadError} />
    </section>
  );

  const dirty = fingerprint(cells) !== fingerprint(savedCells);
  const weekGaps = rota ? rota.schoolDays.reduce((sum, d) => sum + gapsOn(rota, cells, d), 0) : 0;

  const toggle = (weekday: number, periodId: string, accountId: string, on: boolean) => {
    setDone(null);
    setCells((current) => {
      const key = cellKey(weekday, periodId);
      const ids = (current[key] ?? []).filter((id) => id !== accountId);
      return { ...current, [key]: on ? [...ids, accountId] : ids };
    });
  };

  const copyToAll = () => {
    if (!rota || day === null) return;
    setDone(null);
    setCells((current) => {
      const next = { ...current };
      for (const other of rota.schoolDays) {
        for (const period of rota.periods) next[cellKey(other, period.id)] = [...(current[cellKey(day, period.id)] ?? [])];
      }
      return next;
    });
    setDone(t('rota.copied', { day: weekdayLabel(day) }));
  };

  const onSave = async (event: Event) => {
    event.preventDefault();
    setDone(null);
    const slots = Object.entries(cells).flatMap(([key, ids]) => {
      const [weekday, periodId] = key.split(':');
      return ids.map((accountId) => ({ weekday: Number(weekday), periodId, accountId }));
    });
    await form.submit(async () => {
      const { setRota: result } = await request(SetRotaDocument, { caseId, slots });
      if (result.__typename === 'ValidationError') return result;
      const next = keepOnly(cellsOf(result), new Set(team.current.split(',')));
      setRota(result);
      setCells(next);
      setSavedCells(next);
      setDone(t('rota.saved'));
    });
  };

  return (
    <section aria-labelledby="rota-title" class="section">
      <h2 id="rota-title">{t('rota.title')}</h2>
      {!rota ? (
        <p class="muted">{t('app.loading')}</p>
      ) : rota.periods.length === 0 ? (
        <p>{t('rota.noPeriods')}</p>
      ) : (
        <>
          <p class="hint">{t('rota.intro')}</p>
          {weekGaps > 0 ? (
            <p class="rota-summary rota-summary-gaps">
              <span aria-hidden="true" class="sig-mark">
                !
              </span>
              {t('rota.weekGaps', { count: weekGaps })}
            </p>
          ) : (
            <p class="rota-summary">{t('rota.noGaps')}</p>
          )}
          <WeekTable rota={rota} cells={cells} nameOf={nameOf} />
          {canEdit && day !== null && (
            <details class="rota-edit">
              <summary>{t('rota.edit')}</summary>
            <form class="form subform rota-editor" onSubmit={onSave} noValidate aria-label={t('rota.edit')}>
              <ErrorAlert message={form.formError} />
              <fieldset class="field day-picker">
                <legend>{t('rota.chooseDay')}</legend>
                <div class="day-options">
                  {rota.schoolDays.map((weekday) => {
                    const gaps = gapsOn(rota, cells, weekday);
                    return (
                      <label key={weekday} class="day-option">
                        <input type="radio" name="rota-day" checked={day === weekday} onChange={() => setDay(weekday)} />
                        <span>
                          {weekdayLabel(weekday)}
                          {gaps > 0 && <span class="day-gaps">{t('rota.dayGaps', { count: gaps })}</span>}
                        </span>
                      </label>
                    );
                  })}
                </div>
              </fieldset>
              {rota.periods.map((period) => {
                const people = cells[cellKey(day, period.id)] ?? [];
                return (
                  <fieldset key={period.id} class={people.length ? 'field rota-slot' : 'field rota-slot rota-slot-gap'}>
                    <legend>
                      {t('rota.slotLegend', { day: weekdayLabel(day), period: period.name, time: periodTime(period) })}
                    </legend>
                    {people.length === 0 && <p class="rota-gap">{t('rota.gap')}</p>}
                    <div class="picks-inline">
                      {staff.map((member) => (
                        <label key={member.person.id} class="pick">
                          <input type="checkbox" checked={people.includes(member.person.id)}
                            onChange={(event) => toggle(day, period.id, member.person.id, event.currentTarget.checked)} />
                          <span>
                            {member.person.displayName}
                            <span class="muted"> · {roleLabel(member.role)}</span>
                          </span>
                        </label>
                      ))}
                    </div>
                  </fieldset>
                );
              })}
              <button type="button" class="button-quiet" onClick={copyToAll}>
                {t('rota.copyToAll', { day: weekdayLabel(day) })}
              </button>
              <StatusMessage>{done ?? (dirty ? t('rota.unsaved') : null)}</StatusMessage>
              <button type="submit" class="button-primary" disabled={form.busy}>
                {form.busy ? t('common.saving') : t('rota.save')}
              </button>
            </form>
            </details>
          )}
        </>
      )}
    </section>
  );
}
