import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form';
import { WEEKDAYS, type Ordinal, type RuleModel, type Weekday } from '../../lib/rrule-builder';

/** "Every 2nd week on Thursday" as form controls; the model becomes the RRULE. */
export function RuleBuilder({ value, onChange, error }: { value: RuleModel; onChange: (m: RuleModel) => void; error?: string | null }) {
  const { t } = useTranslation();
  const setFreq = (freq: string) =>
    onChange(freq === 'WEEKLY' ? { freq: 'WEEKLY', interval: 1, weekdays: ['TH'] } : { freq: 'MONTHLY', interval: 1, weekday: 'TH', ordinal: 1 });
  return (
    <fieldset className={`kern-fieldset ik-rule-builder${error ? ' kern-fieldset--error' : ''}`}>
      <legend className="kern-label">{t('planning.rhythm')}</legend>
      <div className="ik-form--inline">
        <SelectField
          label={t('planning.frequency')}
          value={value.freq}
          onChange={(e) => setFreq(e.target.value)}
          options={[
            { value: 'WEEKLY', label: t('planning.weekly') },
            { value: 'MONTHLY', label: t('planning.monthly') },
          ]}
        />
        <SelectField
          label={value.freq === 'WEEKLY' ? t('planning.everyNthWeek') : t('planning.everyNthMonth')}
          value={String(value.interval)}
          onChange={(e) => onChange({ ...value, interval: Number(e.target.value) })}
          options={[1, 2, 3, 4, 6, 8].map((n) => ({
            value: String(n),
            label: t(value.freq === 'WEEKLY' ? 'planning.weeks' : 'planning.months', { count: n }),
          }))}
        />
        {value.freq === 'MONTHLY' && (
          <>
            <SelectField
              label={t('planning.which')}
              value={String(value.ordinal)}
              onChange={(e) => onChange({ ...value, ordinal: Number(e.target.value) as Ordinal })}
              options={([1, 2, 3, 4, -1] as const).map((o) => ({ value: String(o), label: t(`rule.ordinal.${o}`) }))}
            />
            <SelectField
              label={t('planning.weekday')}
              value={value.weekday}
              onChange={(e) => onChange({ ...value, weekday: e.target.value as Weekday })}
              options={WEEKDAYS.map((d) => ({ value: d, label: t(`weekday.${d}`) }))}
            />
          </>
        )}
      </div>
      {value.freq === 'WEEKLY' && (
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('planning.weekdays')}</legend>
          <div className="ik-weekdays">
            {WEEKDAYS.map((d) => (
              <div key={d} className="kern-form-check">
                <input
                  className="kern-form-check__checkbox"
                  type="checkbox"
                  id={`wochentag-${d}`}
                  checked={value.weekdays.includes(d)}
                  onChange={(e) => onChange({ ...value, weekdays: e.target.checked ? [...value.weekdays, d] : value.weekdays.filter((x) => x !== d) })}
                />
                <label className="kern-label" htmlFor={`wochentag-${d}`}>
                  {t(`weekday.${d}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      {error && (
        <p className="kern-error" role="alert">
          <span className="kern-body">{error}</span>
        </p>
      )}
    </fieldset>
  );
}
