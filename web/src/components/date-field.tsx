import { parseDate } from '@internationalized/date';
import { useId } from 'react';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  Label,
  Popover,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';

/**
 * A German date picker (react-aria: typed segments TT.MM.JJJJ plus a calendar popup, both
 * keyboard-operable). The value is an ISO date "YYYY-MM-DD" or "" when empty.
 */
export function DateField({
  label,
  value,
  onChange,
  error,
  hint,
  optional,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | null;
  hint?: string;
  optional?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  let parsed = null;
  try {
    parsed = value ? parseDate(value) : null;
  } catch {
    parsed = null;
  }
  return (
    <DatePicker
      className={`kern-form-input${error ? ' kern-form-input--error' : ''} ik-datepicker`}
      value={parsed}
      onChange={(d) => onChange(d ? d.toString() : '')}
      isInvalid={!!error}
      aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined}
    >
      <Label className="kern-label">
        {label}
        {optional && <span className="kern-label__optional"> – {t('common.optional')}</span>}
      </Label>
      {hint && (
        <div className="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <Group className={`kern-form-input__input ik-datepicker__group${error ? ' kern-form-input__input--error' : ''}`}>
        <DateInput className="ik-datepicker__input">{(segment) => <DateSegment segment={segment} className="ik-datepicker__segment" />}</DateInput>
        <Button className="ik-datepicker__button" aria-label={t('date.openCalendar')}>
          <span aria-hidden="true">▾</span>
        </Button>
      </Group>
      {error && (
        <p className="kern-error" id={`${id}-error`} role="alert">
          <span className="kern-body">{error}</span>
        </p>
      )}
      <Popover className="ik-popover">
        <Dialog className="ik-calendar-dialog" aria-label={t('date.calendar')}>
          <Calendar className="ik-calendar">
            <header className="ik-calendar__header">
              <Button slot="previous" aria-label={t('date.previousMonth')}>
                ◀
              </Button>
              <Heading />
              <Button slot="next" aria-label={t('date.nextMonth')}>
                ▶
              </Button>
            </header>
            <CalendarGrid>{(date) => <CalendarCell date={date} className="ik-calendar__cell" />}</CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </DatePicker>
  );
}
