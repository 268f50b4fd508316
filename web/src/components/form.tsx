import { useId, useState, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface Common {
  label: string;
  /** The API's message for this field (shown next to it, and announced). */
  error?: string | null;
  hint?: string;
  optional?: boolean;
}

export function describedBy(id: string, hint?: string, error?: string | null) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** A field's frame: label, hint, the control, and the hub's refusal next to it. */
export function Parts({ id, label, hint, error, optional, className, children }: Common & { id: string; className?: string; children: ReactNode }) {
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}${className ? ` ${className}` : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label}
        {optional && <span className="kern-label__optional"> – optional</span>}
      </label>
      {hint && (
        <div className="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {children}
      {error && (
        <p className="kern-error" id={`${id}-error`} role="alert">
          <span className="kern-icon kern-icon--danger kern-icon--md" aria-hidden="true" />
          <span className="kern-body">{error}</span>
        </p>
      )}
    </div>
  );
}

/**
 * A time of day is typed as 24-hour "hh:mm" text: the browser's own time input follows the browser's
 * language and shows "10:00 AM" in an English browser, whatever the page's language.
 */
const TIME_OF_DAY = {
  type: 'text',
  inputMode: 'numeric',
  placeholder: 'hh:mm',
  pattern: '([01][0-9]|2[0-3]):[0-5][0-9]',
  maxLength: 5,
  autoComplete: 'off',
} as const;

export function TextField({ label, error, hint, optional, id, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const auto = useId();
  const fieldId = id ?? auto;
  const time = input.type === 'time' ? TIME_OF_DAY : null;
  return (
    <Parts id={fieldId} label={label} error={error} hint={hint} optional={optional}>
      <input
        className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        id={fieldId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        {...input}
        {...time}
      />
    </Parts>
  );
}

export function TextAreaField({ label, error, hint, optional, id, ...area }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const auto = useId();
  const fieldId = id ?? auto;
  return (
    <Parts id={fieldId} label={label} error={error} hint={hint} optional={optional}>
      <textarea
        className={`kern-form-input__input ik-textarea${error ? ' kern-form-input__input--error' : ''}`}
        id={fieldId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        {...area}
      />
    </Parts>
  );
}

export function SelectField({
  label,
  error,
  hint,
  optional,
  id,
  options,
  groups = [],
  ...select
}: Common &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: { value: string; label: string }[];
    /** Labelled option groups after the plain options. */
    groups?: { label: string; options: { value: string; label: string }[] }[];
  }) {
  const auto = useId();
  const fieldId = id ?? auto;
  return (
    <Parts id={fieldId} label={label} error={error} hint={hint} optional={optional}>
      <div className="kern-form-input__select-wrapper">
        <select
          className={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`}
          id={fieldId}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(fieldId, hint, error)}
          {...select}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
    </Parts>
  );
}

export function CheckboxField({ label, id, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  const auto = useId();
  const fieldId = id ?? auto;
  return (
    <div className="kern-form-check">
      <input className="kern-form-check__checkbox" type="checkbox" id={fieldId} {...input} />
      <label className="kern-label" htmlFor={fieldId}>
        {label}
      </label>
    </div>
  );
}

export function Button({
  variant = 'primary',
  children,
  ...rest
}: { variant?: 'primary' | 'secondary' | 'tertiary'; ref?: React.Ref<HTMLButtonElement> } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="button" className={`kern-btn kern-btn--${variant}`} {...rest}>
      <span className="kern-label">{children}</span>
    </button>
  );
}

/** A form that validates on the server (noValidate: the API's German message shows next to the field) and submits without a reload. */
export function Form({ onSubmit, className = 'ik-form', children }: { onSubmit: () => unknown; className?: string; children: ReactNode }) {
  return (
    <form
      className={className}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/**
 * A form's submit button, with "Abbrechen" when the form can be closed. `busy` (the mutation runs) and
 * `disabled` (the form may not be sent yet) both disable the button; `variant` is for a form that is not
 * the page's main action.
 */
export function FormActions({
  submitLabel,
  busy,
  disabled,
  variant = 'primary',
  onCancel,
}: {
  submitLabel: string;
  busy?: boolean;
  disabled?: boolean;
  variant?: 'primary' | 'secondary';
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="ik-actions">
      <button type="submit" className={`kern-btn kern-btn--${variant}`} disabled={busy || disabled}>
        <span className="kern-label">{submitLabel}</span>
      </button>
      {onCancel && (
        <Button variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      )}
    </div>
  );
}

/** A destructive action that asks once more: the first click shows "Ja, …" and "Abbrechen". */
export function ConfirmButton({
  label,
  ariaLabel,
  confirmLabel,
  onConfirm,
}: {
  label: string;
  ariaLabel?: string;
  confirmLabel: string;
  onConfirm: () => unknown;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button variant="tertiary" onClick={() => setConfirming(true)} aria-label={ariaLabel}>
        {label}
      </Button>
    );
  }
  return (
    <div className="ik-actions">
      <Button onClick={() => void Promise.resolve(onConfirm()).finally(() => setConfirming(false))}>{confirmLabel}</Button>
      <Button variant="tertiary" onClick={() => setConfirming(false)}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}
