// The care case (一生一档) as staff read it; counsellors and leadership change its warning
// level (分级预警) and status, each with a required reason that the timeline keeps.
import { useState } from 'preact/hooks';
import { request } from '../../api/client';
import type { CaseStatus, WarningLevel } from '../../api/generated';
import { ChangeCareLevelDocument, ChangeCareStatusDocument } from '../../api/operations/board';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { SelectField, TextAreaField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { t } from '../../i18n';
import { LevelBadge } from './Badges';
import { formatFullDateTime } from '../../i18n/time';
import { LEVELS, levelLabel, reasonLabel, STATUSES, statusLabel } from './labels';
import type { CareCaseData } from './StudentPage';

type Change = Partial<Pick<CareCaseData, 'level' | 'status' | 'updatedAt'>>;

function ChangeForm<T extends string>({
  id,
  title,
  label,
  current,
  options,
  optionLabel,
  submitLabel,
  save,
  onSaved,
}: {
  id: string;
  title: string;
  label: string;
  current: T;
  options: T[];
  optionLabel: (value: T) => string;
  submitLabel: string;
  save: (value: T, reason: string) => Promise<{ __typename: 'ValidationError'; message: string; field: string | null; code: string } | Change>;
  onSaved: (change: Change) => void;
}) {
  const [value, setValue] = useState<T>(current);
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm(['level', 'status', 'reason']);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setSaved(null);
    if (value === current) return form.showInvalid({ field: id, message: t('case.unchanged') });
    if (!reason.trim()) return form.showInvalid({ field: 'reason', message: t('case.reasonRequired') });
    await form.submit(async () => {
      const result = await save(value, reason.trim());
      if ('__typename' in result && result.__typename === 'ValidationError') return result;
      setReason('');
      setSaved(t('case.changed', { value: optionLabel(value) }));
      onSaved(result as Change);
    });
  };

  return (
    <form class="form subform" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <ErrorAlert message={form.formError} />
      <StatusMessage>{saved}</StatusMessage>
      <SelectField
        label={label}
        value={value}
        onValue={(next) => setValue(next as T)}
        error={form.fieldErrors[id]}
        options={options.map((option) => ({
          value: option,
          label: option === current ? t('case.currentOption', { value: optionLabel(option) }) : optionLabel(option),
        }))}
      />
      <TextAreaField label={t('case.reason')} value={reason} onValue={setReason} error={form.fieldErrors.reason}
        hint={t('case.reasonHint')} maxLength={500} />
      <button type="submit" class="button-primary" disabled={form.busy}>
        {form.busy ? t('common.saving') : submitLabel}
      </button>
    </form>
  );
}

export function CaseSection({
  careCase,
  manager,
  onChanged,
}: {
  careCase: CareCaseData;
  manager: boolean;
  onChanged: (change: Change) => void;
}) {
  return (
    <section aria-labelledby="case-title" class="section panel case-panel">
      <h2 id="case-title">{t('case.title')}</h2>
      <dl class="facts">
        <div>
          <dt>{t('case.level')}</dt>
          <dd>
            <LevelBadge level={careCase.level} />
          </dd>
        </div>
        <div>
          <dt>{t('case.status')}</dt>
          <dd>{statusLabel(careCase.status)}</dd>
        </div>
        <div>
          <dt>{t('case.reasons')}</dt>
          <dd>{careCase.reasons.map(reasonLabel).join(t('common.listSeparator')) || t('case.noReasons')}</dd>
        </div>
        <div>
          <dt>{t('case.summary')}</dt>
          <dd class="pre-line">{careCase.summary || t('case.noSummary')}</dd>
        </div>
        <div>
          <dt>{t('case.lead')}</dt>
          <dd>{careCase.lead?.displayName ?? t('case.noLead')}</dd>
        </div>
        <div>
          <dt>{t('case.openedAt')}</dt>
          <dd>{formatFullDateTime(careCase.openedAt)}</dd>
        </div>
      </dl>
      {manager && (
        <details class="case-manage">
          <summary>{t('case.manage')}</summary>
          <ChangeForm<WarningLevel>
            id="level"
            title={t('case.changeLevel')}
            label={t('case.newLevel')}
            current={careCase.level}
            options={LEVELS}
            optionLabel={levelLabel}
            submitLabel={t('case.saveLevel')}
            save={async (level, reason) => {
              const { changeCareLevel: result } = await request(ChangeCareLevelDocument, { caseId: careCase.id, level, reason });
              return result.__typename === 'ValidationError' ? result : { level: result.level, updatedAt: result.updatedAt };
            }}
            onSaved={onChanged}
          />
          <ChangeForm<CaseStatus>
            id="status"
            title={t('case.changeStatus')}
            label={t('case.newStatus')}
            current={careCase.status}
            options={STATUSES}
            optionLabel={statusLabel}
            submitLabel={t('case.saveStatus')}
            save={async (status, reason) => {
              const { changeCareStatus: result } = await request(ChangeCareStatusDocument, { caseId: careCase.id, status, reason });
              return result.__typename === 'ValidationError' ? result : { status: result.status, updatedAt: result.updatedAt };
            }}
            onSaved={onChanged}
          />
        </details>
      )}
    </section>
  );
}
