import type { Ref } from 'react';

/** A file input with its label, hint and the hub's refusal next to it; the file goes as soon as it is chosen. */
export function FileField({
  label,
  hint,
  id,
  error,
  busy,
  onFile,
  inputRef,
  compact,
}: {
  label: string;
  hint?: string;
  id: string;
  error: string | null;
  /** An upload runs: a new choice waits (the field stays focusable, so focus is not lost). */
  busy?: boolean;
  onFile: (file: File) => void;
  inputRef?: Ref<HTMLInputElement>;
  compact?: boolean;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}${compact ? ' ik-documents__replace' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <input
        ref={inputRef}
        type="file"
        id={id}
        className="kern-form-input__input ik-documents__file"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-busy={busy || undefined}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file && !busy) onFile(file);
        }}
      />
      {error && (
        <p className="kern-error" id={`${id}-error`} role="alert">
          <span className="kern-icon kern-icon--danger kern-icon--md" aria-hidden="true" />
          <span className="kern-body">{error}</span>
        </p>
      )}
    </div>
  );
}
