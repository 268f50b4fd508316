import { fileTypeFromBuffer } from 'file-type';

/** How many bytes are read before the type is decided (ZIP-based formats name their kind in the first entries). */
export const SNIFF_BYTES = 64 * 1024;
/** Longest file name kept (characters, extension included). */
export const MAX_NAME_LENGTH = 180;

interface Allowed {
  /** German, for refusals and lists. */
  readonly label: string;
  /** File name endings that fit the type (lower case, without dot). */
  readonly extensions: readonly string[];
}

/** The allow-list: what the bytes must be. SVG is not on it (it may carry script). */
export const ALLOWED_TYPES: Readonly<Record<string, Allowed>> = {
  'application/pdf': { label: 'PDF-Dokument', extensions: ['pdf'] },
  'application/vnd.oasis.opendocument.text': { label: 'OpenDocument-Text', extensions: ['odt'] },
  'application/vnd.oasis.opendocument.spreadsheet': { label: 'OpenDocument-Tabelle', extensions: ['ods'] },
  'application/vnd.oasis.opendocument.presentation': { label: 'OpenDocument-Präsentation', extensions: ['odp'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'Word-Dokument', extensions: ['docx'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'Excel-Tabelle', extensions: ['xlsx'] },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { label: 'PowerPoint-Präsentation', extensions: ['pptx'] },
  'image/png': { label: 'Bild (.png)', extensions: ['png'] },
  'image/jpeg': { label: 'Bild (.jpg)', extensions: ['jpg', 'jpeg'] },
  'image/gif': { label: 'Bild (.gif)', extensions: ['gif'] },
  'image/webp': { label: 'Bild (.webp)', extensions: ['webp'] },
  'text/plain': { label: 'Textdatei', extensions: ['txt'] },
  'text/csv': { label: 'CSV-Tabelle', extensions: ['csv'] },
};

const ALLOWED_LIST = 'PDF, OpenDocument (.odt, .ods, .odp), Word, Excel, PowerPoint (.docx, .xlsx, .pptx), Bilder (.png, .jpg, .gif, .webp), Text (.txt) und CSV';

/**
 * A file name as the hub keeps it: the last path segment only, Unicode NFC (umlauts stay), no
 * control or bidirectional formatting characters, none of <>:"/\|?*, no leading dots, runs of
 * spaces collapsed, at most MAX_NAME_LENGTH characters (the extension kept). Null when nothing remains.
 */
export function sanitizeFileName(raw: string): string | null {
  let name = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  name = name
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (!name) return null;
  const chars = [...name];
  if (chars.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = chars.slice(0, MAX_NAME_LENGTH - [...ext].length).join('').trimEnd() + ext;
  }
  return name;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export type Sniffed = { ok: true; mediaType: string } | { ok: false; message: string };

/**
 * The type of a file from its first bytes (`sample`, at most SNIFF_BYTES; `complete` when that is
 * the whole file), checked against the allow-list and against the name's ending: a program or an
 * HTML page named ".pdf" is refused. Plain text and CSV have no signature: they are accepted only
 * when the name says so and the sample is UTF-8 without NUL bytes.
 */
export async function sniff(sample: Buffer, complete: boolean, name: string): Promise<Sniffed> {
  const ext = extensionOf(name);
  if (sample.length === 0) return { ok: false, message: 'Die Datei ist leer.' };
  const detected = await fileTypeFromBuffer(sample).catch(() => undefined);
  if (detected) {
    const allowed = ALLOWED_TYPES[detected.mime];
    if (!allowed) {
      return { ok: false, message: `Dateien dieser Art (.${detected.ext}) nehmen wir nicht an. Erlaubt sind ${ALLOWED_LIST}.` };
    }
    if (!allowed.extensions.includes(ext)) {
      return { ok: false, message: `Der Inhalt ist ein ${allowed.label}, der Name endet aber auf „.${ext || '(nichts)'}“. Bitte die Datei mit passender Endung (.${allowed.extensions[0]}) hochladen.` };
    }
    return { ok: true, mediaType: detected.mime };
  }
  if (ext === 'txt' || ext === 'csv') {
    if (!isUtf8Text(sample, complete)) {
      return { ok: false, message: `Der Name endet auf „.${ext}“, der Inhalt ist aber kein Text (UTF-8). Erlaubt sind ${ALLOWED_LIST}.` };
    }
    return { ok: true, mediaType: ext === 'csv' ? 'text/csv' : 'text/plain' };
  }
  return {
    ok: false,
    message: `Der Inhalt passt zu keiner erlaubten Dateiart${ext ? ` (der Name endet auf „.${ext}“)` : ''}. Erlaubt sind ${ALLOWED_LIST}.`,
  };
}

function isUtf8Text(sample: Buffer, complete: boolean): boolean {
  if (sample.includes(0)) return false;
  try {
    // Streaming decode: a character cut off at the end of an incomplete sample is no error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/** RFC 6266 / RFC 8187: an ASCII fallback and the exact name in filename*. */
export function contentDisposition(name: string): string {
  const fallback = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
