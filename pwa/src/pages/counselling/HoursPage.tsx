// /counselling/hours: the counselling room's fixed weekly opening hours (固定开放时间). A counsellor
// edits their own hours per room (weekday, start, end, session length, buffer); everyone with the
// page sees the week's open hours against the 5-hour minimum and the half-of-school-time share.
// Below: a counsellor's closed days and extra hours; for admins, the school calendar's days without school.
import { useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { OpeningExceptionsQuery, OpeningHoursQuery } from '../../api/generated';
import { OpeningExceptionsDocument, OpeningHoursDocument, SetOpeningTemplatesDocument } from '../../api/operations/counselling';
import { LoadFailed } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { Page } from '../../components/Page';
import { t } from '../../i18n';
import { clock } from '../../i18n/time';
import type { Me } from '../../state/session';
import '../../styles/counselling.css';
import { hasRole, weekdayLabel } from '../board/labels';
import { usePageData } from '../board/usePageData';
import { LoadingPage, NotFoundPage } from '../Simple';
import { toMinute, type RoomInfo } from './format';
import { CalendarSection, ExceptionsSection } from './Exceptions';
import { HoursChecks, type HoursFigures } from './HoursChecks';
import { Outcome, outcome, type OutcomeState } from './Outcome';

type Hours = NonNullable<OpeningHoursQuery['openingHours']>;
type Template = Hours['templates'][number];

interface Row {
  key: number;
  weekday: string;
  start: string; // HH:MM, school time
  end: string;
  slot: string; // minutes
  buffer: string;
}

type RowField = 'weekday' | 'startMinute' | 'endMinute' | 'slotMinutes' | 'bufferMinutes';
type RowErrors = Record<number, Partial<Record<RowField, string>>>;

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
let nextKey = 1;

function rowOf(template: Template): Row {
  return {
    key: nextKey++,
    weekday: String(template.weekday),
    start: clock(template.startMinute),
    end: clock(template.endMinute),
    slot: String(template.slotMinutes),
    buffer: String(template.bufferMinutes),
  };
}

function sorted(templates: Template[]): Template[] {
  return [...templates].sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
}

function templateText(template: Template): string {
  return t('counselling.hours.template', {
    weekday: weekdayLabel(template.weekday),
    start: clock(template.startMinute),
    end: clock(template.endMinute),
    slot: template.slotMinutes,
    buffer: template.bufferMinutes,
  });
}

/** "templates.2.slotMinutes" → row 2, field slotMinutes; null for a message about the whole form. */
function rowError(field: string | null): { index: number; field: RowField } | null {
  const match = /^templates\.(\d+)\.(weekday|startMinute|endMinute|slotMinutes|bufferMinutes)$/.exec(field ?? '');
  return match ? { index: Number(match[1]), field: match[2] as RowField } : null;
}

function number(value: string): number {
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : -1;
}

function RoomEditor({ room, me, templates, onSaved }: {
  room: RoomInfo;
  me: Me;
  templates: Template[];
  onSaved: (hours: Hours) => void;
}) {
  const mine = sorted(templates.filter((tpl) => tpl.roomId === room.id && tpl.counsellor?.id === me.account.id));
  const others = sorted(templates.filter((tpl) => tpl.roomId === room.id && tpl.counsellor?.id !== me.account.id));
  const [rows, setRows] = useState<Row[]>(() => mine.map(rowOf));
  const [errors, setErrors] = useState<RowErrors>({});
  const [result, setResult] = useState<OutcomeState | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = `room-${room.id}`;

  const change = (key: number, patch: Partial<Row>) => setRows((all) => all.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const add = () => {
    const last = rows[rows.length - 1];
    const start = last ? last.end : '12:00';
    const end = clock(Math.min(Math.max(toMinute(start), 0) + 60, 24 * 60));
    setRows([...rows, { key: nextKey++, weekday: last?.weekday ?? '1', start, end, slot: last?.slot ?? '40', buffer: last?.buffer ?? '5' }]);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    try {
      const input = rows.map((row) => ({
        weekday: number(row.weekday),
        startMinute: toMinute(row.start),
        endMinute: toMinute(row.end),
        slotMinutes: number(row.slot),
        bufferMinutes: row.buffer.trim() === '' ? 0 : number(row.buffer),
      }));
      const { setOpeningTemplates: answer } = await request(SetOpeningTemplatesDocument, { roomId: room.id, templates: input });
      if (answer.__typename === 'ValidationError') {
        const at = rowError(answer.field);
        if (at) setErrors({ [at.index]: { [at.field]: answer.message } });
        setResult(outcome('error', at ? t('counselling.hours.rowError', { n: at.index + 1, message: answer.message }) : answer.message));
      } else {
        const saved = sorted(answer.templates.filter((tpl) => tpl.roomId === room.id && tpl.counsellor?.id === me.account.id));
        setRows(saved.map(rowOf));
        onSaved(answer);
        setResult(outcome('ok', t('counselling.hours.saved', { room: room.name, count: saved.length })));
      }
    } catch (caught) {
      setResult(outcome('error', errorMessage(caught)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="hours-room" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('counselling.hours.roomTitle', { room: room.name })}</h2>
      {room.place && <p class="muted">{t('counselling.hours.roomPlace', { place: room.place })}</p>}
      {others.length > 0 && (
        <>
          <h3>{t('counselling.hours.othersTitle')}</h3>
          <ul class="plain-list others-hours">
            {others.map((tpl) => (
              <li key={tpl.id}>
                {templateText(tpl)} · {tpl.counsellor?.displayName ?? t('counselling.counsellorUnknown')}
              </li>
            ))}
          </ul>
        </>
      )}
      <form class="form hours-form" onSubmit={save} noValidate aria-label={t('counselling.hours.formLabel', { room: room.name })}>
        <p class="hint">{t('counselling.hours.formHint')}</p>
        {rows.length === 0 && <p class="muted">{t('counselling.hours.noRows')}</p>}
        <ol class="rows hours-rows">
          {rows.map((row, index) => {
            const rowErrors = errors[index] ?? {};
            return (
              <li key={row.key} class="row hours-row">
                <fieldset>
                  <legend>{t('counselling.hours.rowLegend', { n: index + 1 })}</legend>
                  <div class="hours-grid">
                    <SelectField
                      label={t('counselling.hours.weekday')}
                      value={row.weekday}
                      onValue={(weekday) => change(row.key, { weekday })}
                      error={rowErrors.weekday}
                      options={WEEKDAYS.map((day) => ({ value: String(day), label: weekdayLabel(day) }))}
                    />
                    <Field
                      label={t('counselling.hours.start')}
                      type="time"
                      value={row.start}
                      onValue={(start) => change(row.key, { start })}
                      error={rowErrors.startMinute}
                    />
                    <Field
                      label={t('counselling.hours.end')}
                      type="time"
                      value={row.end}
                      onValue={(end) => change(row.key, { end })}
                      error={rowErrors.endMinute}
                    />
                    <Field
                      label={t('counselling.hours.slot')}
                      type="number"
                      inputMode="numeric"
                      min={1}
                      max={1439}
                      value={row.slot}
                      onValue={(slot) => change(row.key, { slot })}
                      error={rowErrors.slotMinutes}
                    />
                    <Field
                      label={t('counselling.hours.buffer')}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={240}
                      value={row.buffer}
                      onValue={(buffer) => change(row.key, { buffer })}
                      error={rowErrors.bufferMinutes}
                    />
                  </div>
                  <button type="button" class="button-quiet" onClick={() => setRows(rows.filter((other) => other.key !== row.key))}>
                    {t('counselling.hours.remove', { n: index + 1 })}
                  </button>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <p>
          <button type="button" class="button-secondary" onClick={add}>
            {t('counselling.hours.add')}
          </button>
        </p>
        <Outcome state={result} />
        <button type="submit" class="button-primary" aria-disabled={busy ? 'true' : undefined}>
          {busy ? t('common.saving') : t('counselling.hours.save', { room: room.name })}
        </button>
      </form>
    </section>
  );
}

/** Leadership reads the hours; only counsellors publish them. */
function RoomHoursList({ room, templates }: { room: RoomInfo; templates: Template[] }) {
  const here = sorted(templates.filter((tpl) => tpl.roomId === room.id));
  return (
    <section class="hours-room" aria-labelledby={`room-${room.id}`}>
      <h2 id={`room-${room.id}`}>{t('counselling.hours.roomAllTitle', { room: room.name })}</h2>
      {room.place && <p class="muted">{t('counselling.hours.roomPlace', { place: room.place })}</p>}
      {here.length === 0 ? (
        <p class="muted">{t('counselling.hours.noRows')}</p>
      ) : (
        <ul class="plain-list">
          {here.map((tpl) => (
            <li key={tpl.id}>
              {templateText(tpl)} · {tpl.counsellor?.displayName ?? t('counselling.counsellorUnknown')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function HoursView({ me, initial, dates }: { me: Me; initial: OpeningHoursQuery; dates: OpeningExceptionsQuery }) {
  const [figures, setFigures] = useState<HoursFigures | null>(initial.openingHours);
  const templates = initial.openingHours?.templates ?? [];
  const counsellor = hasRole(me, 'COUNSELLOR');
  return (
    <>
      <p class="note">{t('counselling.hours.intro')}</p>
      <section class="hours-summary" aria-labelledby="hours-summary">
        <h2 id="hours-summary">{t('counselling.hours.summaryTitle')}</h2>
        {figures ? <HoursChecks hours={figures} /> : <p class="muted">{t('common.empty')}</p>}
        {counsellor && <p class="hint">{t('counselling.hours.summaryHint')}</p>}
      </section>
      {initial.counsellingRooms.length === 0 && <p class="empty-state">{t('counselling.hours.noRooms')}</p>}
      {initial.counsellingRooms.map((room) =>
        counsellor ? (
          <RoomEditor key={room.id} room={room} me={me} templates={templates} onSaved={setFigures} />
        ) : (
          <RoomHoursList key={room.id} room={room} templates={templates} />
        ),
      )}
      {counsellor && <ExceptionsSection rooms={initial.counsellingRooms} initial={dates.openingExceptions} />}
      {hasRole(me, 'SCHOOL_ADMIN') && <CalendarSection initial={dates.nonSchoolDays} />}
    </>
  );
}

export function HoursPage({ me }: { me: Me }) {
  const allowed = hasRole(me, 'COUNSELLOR', 'SCHOOL_ADMIN');
  const { state, retry } = usePageData(
    async () => {
      if (!allowed) throw { code: 'NOT_FOUND' };
      const [hours, dates] = await Promise.all([request(OpeningHoursDocument), request(OpeningExceptionsDocument)]);
      return { hours, dates };
    },
    'hours',
  );
  if (!allowed || state.status === 'notFound') return <NotFoundPage />;
  if (state.status === 'loading') return <LoadingPage />;
  return (
    <Page title={t('counselling.hours.title')} className="counselling-page hours-page">
      {state.status === 'error' ? (
        <>
          <LoadFailed message={state.message} onRetry={retry} />
        </>
      ) : (
        <HoursView me={me} initial={state.data.hours} dates={state.data.dates} />
      )}
    </Page>
  );
}
