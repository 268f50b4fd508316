import { describe, expect, it } from 'vitest';
import { fileNameOf } from './pdf-download';

describe('fileNameOf', () => {
  it('takes the UTF-8 name (RFC 6266 filename*) over the ASCII fallback', () => {
    expect(fileNameOf(`attachment; filename="Protokoll-2026-05-04-oeffentlich.pdf"; filename*=UTF-8''Protokoll-2026-05-04-%C3%B6ffentlich.pdf`, 'x.pdf')).toBe(
      'Protokoll-2026-05-04-öffentlich.pdf',
    );
  });
  it('falls back to the plain name, then to the given one', () => {
    expect(fileNameOf('attachment; filename="Protokoll.pdf"', 'x.pdf')).toBe('Protokoll.pdf');
    expect(fileNameOf(`attachment; filename*=UTF-8''%E0%A4%A`, 'x.pdf')).toBe('x.pdf');
    expect(fileNameOf(null, 'x.pdf')).toBe('x.pdf');
  });
});
