import type { Ref } from 'react';
import { describedBy, Parts } from './form';

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
  return (
    <Parts id={id} label={label} hint={hint} error={error} className={compact ? 'ik-documents__replace' : undefined}>
      <input
        ref={inputRef}
        type="file"
        id={id}
        className="kern-form-input__input ik-documents__file"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-busy={busy || undefined}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file && !busy) onFile(file);
        }}
      />
    </Parts>
  );
}
