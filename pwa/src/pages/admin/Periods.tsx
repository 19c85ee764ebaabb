// The periods of the school day (早读, 第1节 … 放学后): the rows of every care team's rota.
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { SchoolPeriodsDocument, SetSchoolPeriodsDocument } from '../../api/operations/admin';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { t } from '../../i18n';
import { AdminPage } from './AdminPage';

interface Row {
  key: number;
  name: string;
  start: string; // HH:MM
  end: string;
}

let nextKey = 1;

function toTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function toMinute(time: string): number {
  const [hours, minutes] = time.split(':').map((part) => Number.parseInt(part, 10));
  return Number.isFinite(hours) && Number.isFinite(minutes) ? hours * 60 + minutes : -1;
}

export function PeriodsPage() {
  const [rows, setRows] = useState<Row[]>([]);
  const [loading, setLoading] = useState(true);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    request(SchoolPeriodsDocument, {})
      .then((data) =>
        setRows(data.schoolPeriods.map((p) => ({ key: nextKey++, name: p.name, start: toTime(p.startMinute), end: toTime(p.endMinute) }))),
      )
      .catch((caught) => setError(errorMessage(caught)))
      .finally(() => setLoading(false));
  }, []);

  const change = (key: number, patch: Partial<Row>) => setRows((all) => all.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const add = () => {
    const last = rows[rows.length - 1];
    const start = last ? last.end : '07:30';
    const end = toTime(Math.min(toMinute(start) + 45, 24 * 60 - 1));
    setRows([...rows, { key: nextKey++, name: '', start, end }]);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    setSaved(null);
    try {
      const periods = rows.map((row) => ({ name: row.name.trim(), startMinute: toMinute(row.start), endMinute: toMinute(row.end) }));
      const { setSchoolPeriods: result } = await request(SetSchoolPeriodsDocument, { periods });
      if (result.__typename === 'ValidationError') {
        setError(result.message);
      } else {
        setRows(result.periods.map((p) => ({ key: nextKey++, name: p.name, start: toTime(p.startMinute), end: toTime(p.endMinute) })));
        setSaved(t('periods.saved', { count: result.periods.length }));
      }
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <AdminPage title={t('periods.title')}>
      <p class="note">{t('periods.intro')}</p>
      <form class="form panel" onSubmit={save} noValidate aria-labelledby="periods-title">
        <h2 id="periods-title">{t('periods.formTitle')}</h2>
        <ErrorAlert message={error} />
        <StatusMessage>{saved}</StatusMessage>
        {loading ? (
          <p>{t('app.loading')}</p>
        ) : (
          <ol class="rows periods">
            {rows.map((row, index) => (
              <li key={row.key} class="row period-row">
                <fieldset>
                  <legend>{t('periods.rowLegend', { n: index + 1 })}</legend>
                  <label>
                    {t('periods.name')}
                    <input value={row.name} maxLength={30} required onInput={(e) => change(row.key, { name: e.currentTarget.value })} />
                  </label>
                  <label>
                    {t('periods.start')}
                    <input type="time" value={row.start} required onInput={(e) => change(row.key, { start: e.currentTarget.value })} />
                  </label>
                  <label>
                    {t('periods.end')}
                    <input type="time" value={row.end} required onInput={(e) => change(row.key, { end: e.currentTarget.value })} />
                  </label>
                  <button type="button" class="button-secondary" onClick={() => setRows(rows.filter((r) => r.key !== row.key))}>
                    {t('periods.remove', { name: row.name || String(index + 1) })}
                  </button>
                </fieldset>
              </li>
            ))}
          </ol>
        )}
        <p>
          <button type="button" class="button-secondary" onClick={add}>
            {t('periods.add')}
          </button>
        </p>
        <button type="submit" class="button-primary" disabled={saving || loading}>
          {saving ? t('common.saving') : t('periods.save')}
        </button>
      </form>
    </AdminPage>
  );
}
