import { useEffect, useId, useRef, useState } from 'react';
import './documents.css';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { useAuth } from '../auth/auth-context';
import { graphql } from '../gql';
import type { DocumentParentType } from '../gql/graphql';
import { apiProblem } from '../graphql/errors';
import { formatDateTime } from '../lib/format';
import { announce } from '../lib/focus-keeper';
import { ConfirmButton } from './form';
import { ErrorAlert } from './status';
import { uploadDocument, type UploadProblem } from './documents-upload';
import { FileField } from './documents-file-field';

const DocumentsQuery = graphql(`
  query DocumentsOf($parentType: DocumentParentType!, $parentId: ID!) {
    documentsOf(parentType: $parentType, parentId: $parentId) {
      mayUpload
      documents {
        id
        name
        mediaType
        size
        currentVersion
        uploadedAt
        mayChange
        downloadUrl
        uploadedBy {
          id
          displayName
        }
        versions {
          version
          name
          size
          uploadedAt
          downloadUrl
        }
      }
    }
  }
`);

const RemoveDocument = graphql(`
  mutation RemoveDocument($input: RemoveDocumentInput!) {
    removeDocument(input: $input)
  }
`);

/** The German name of an allowed media type. */
const TYPE_LABEL: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.oasis.opendocument.text': 'OpenDocument-Text',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument-Tabelle',
  'application/vnd.oasis.opendocument.presentation': 'OpenDocument-Präsentation',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'image/png': 'Bild (.png)',
  'image/jpeg': 'Bild (.jpg)',
  'image/gif': 'Bild (.gif)',
  'image/webp': 'Bild (.webp)',
  'text/plain': 'Text',
  'text/csv': 'CSV',
};

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} Byte`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('de-DE', { maximumFractionDigits: 0 })} kB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
}

/**
 * Unterlagen of a meeting, an agenda item, a profile, a webinar or a workshop: the list (each file
 * downloads with the sign-in token, so it is a button), upload with progress, a new version
 * (the old ones stay, listed below the file), and removal with the two-step confirmation.
 * Refusals (a type the hub does not take, too large) show next to the file field.
 */
export function Documents({
  parentType,
  parentId,
  headingLevel = 2,
  id,
  title,
  compact,
}: {
  parentType: DocumentParentType;
  parentId: string;
  headingLevel?: 2 | 3 | 4;
  /**
   * Inside a list (an agenda item): no heading and no "none" line while there are no files, and the
   * upload behind "Unterlage hinzufügen", so that a moderator's agenda stays an agenda.
   */
  compact?: boolean;
  /** The section's anchor (mails link to `#unterlagen`). */
  id?: string;
  title?: string;
}) {
  const { t } = useTranslation();
  const auth = useAuth();
  const auto = useId();
  const sectionId = id ?? `unterlagen-${parentId}`;
  const headingId = `${sectionId}-titel`;
  const [{ data, error }, refetch] = useQuery({ query: DocumentsQuery, variables: { parentType, parentId } });
  const [removed, remove] = useMutation(RemoveDocument);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<{ target: string; message: string } | null>(null);
  const [downloadFailed, setDownloadFailed] = useState(false);
  const uploadRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [focusId, setFocusId] = useState<string | null>(null);
  const list = data?.documentsOf;
  useEffect(() => {
    if (!focusId || !list?.documents.some((d) => d.id === focusId)) return;
    document.getElementById(`doc-${focusId}`)?.focus();
    setFocusId(null);
  }, [focusId, list]);
  const Heading = `h${headingLevel}` as 'h2';
  // Where the caller sees the parent but not its files (a redacted item), there is nothing to show.
  if (apiProblem(error)?.code === 'NOT_FOUND') return null;

  const send = async (file: File, target: string, replacing?: { id: string; name: string }) => {
    setProblem(null);
    setProgress(0);
    const result = await uploadDocument({ file, parentType, parentId, replaceId: replacing?.id, token: auth.token, onProgress: setProgress });
    setProgress(null);
    if (!result.ok) {
      setProblem({ target, message: describe(result.problem, t) });
      return;
    }
    reload();
    announce(replacing ? t('documents.replaced', { name: result.document.name }) : t('documents.uploaded', { name: result.document.name }));
    // Focus stays where the person is: on the file's download button once the list shows it.
    setFocusId(result.document.id);
  };

  const open = async (url: string, name: string) => {
    setDownloadFailed(false);
    const res = await fetch(new URL(url).pathname, { headers: auth.token ? { authorization: `Bearer ${auth.token}` } : {} });
    if (!res.ok) return setDownloadFailed(true);
    const href = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    a.click();
    window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
  };

  const empty = !list || list.documents.length === 0;
  if (compact && list && empty && !list.mayUpload) return null;
  const showHeading = !compact || !empty;
  const uploadField = list?.mayUpload && (
    <FileField
      label={t('documents.upload')}
      hint={t('documents.uploadHint')}
      id={`${auto}-upload`}
      inputRef={uploadRef}
      error={problem?.target === 'new' ? problem.message : null}
      busy={progress !== null}
      onFile={(file) => void send(file, 'new')}
    />
  );

  return (
    <section
      className={`ik-section ik-documents${compact ? ' ik-documents--compact' : ''}`}
      aria-labelledby={showHeading ? headingId : undefined}
      aria-label={showHeading ? undefined : (title ?? t('documents.title'))}
      id={sectionId}
    >
      {showHeading && (
        <Heading className={headingLevel === 2 ? 'kern-heading-medium' : 'kern-heading-small'} id={headingId} ref={headingRef} tabIndex={-1}>
          {title ?? t('documents.title')}
        </Heading>
      )}
      {error && <ErrorAlert error={error} />}
      <ErrorAlert error={removed.error} />
      {downloadFailed && (
        <p className="kern-error" role="alert">
          <span className="kern-body">{t('documents.downloadFailed')}</span>
        </p>
      )}
      {list && empty && !compact && <p className="kern-body">{t('documents.none')}</p>}
      {list && list.documents.length > 0 && (
        <ul className="ik-documents__list">
          {list.documents.map((d) => (
            <li key={d.id} className="ik-documents__item">
              <button
                type="button"
                id={`doc-${d.id}`}
                className="kern-btn kern-btn--tertiary ik-documents__open"
                onClick={() => void open(d.downloadUrl, d.name)}
                aria-label={t('documents.open', { name: d.name })}
              >
                <span className="kern-label">{d.name}</span>
              </button>
              <p className="kern-body kern-body--small">
                {t('documents.meta', {
                  type: TYPE_LABEL[d.mediaType] ?? d.mediaType,
                  size: formatSize(d.size),
                  version: d.currentVersion,
                  date: formatDateTime(d.uploadedAt),
                  by: d.uploadedBy ? t('documents.by', { name: d.uploadedBy.displayName }) : '',
                })}
              </p>
              {d.versions.length > 1 && (
                <details>
                  <summary className="kern-body kern-body--small">{t('documents.versions', { count: d.versions.length - 1 })}</summary>
                  <ul>
                    {d.versions.slice(1).map((v) => (
                      <li key={v.version}>
                        <button type="button" className="kern-link ik-link-button" onClick={() => void open(v.downloadUrl, v.name)}>
                          {t('documents.version', { version: v.version, name: v.name, size: formatSize(v.size), date: formatDateTime(v.uploadedAt) })}
                        </button>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              {d.mayChange && (
                <div className="ik-actions">
                  <FileField
                    label={t('documents.replace', { name: d.name })}
                    id={`${auto}-replace-${d.id}`}
                    error={problem?.target === d.id ? problem.message : null}
                    busy={progress !== null}
                    onFile={(file) => void send(file, d.id, d)}
                    compact
                  />
                  <ConfirmButton
                    label={t('documents.remove')}
                    ariaLabel={t('documents.removeLabel', { name: d.name })}
                    confirmLabel={t('documents.removeConfirm')}
                    onConfirm={async () => {
                      const r = await remove({ input: { documentId: d.id } });
                      if (!r.error) {
                        reload();
                        announce(t('documents.removed', { name: d.name }));
                        (uploadRef.current ?? headingRef.current)?.focus();
                      }
                    }}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {compact && uploadField ? (
        <details className="ik-documents__add" open={problem?.target === 'new' || progress !== null || undefined}>
          <summary className="kern-body kern-body--small">{t('documents.add')}</summary>
          {uploadField}
        </details>
      ) : (
        uploadField
      )}
      {progress !== null && (
        <div className="ik-documents__progress">
          <progress max={100} value={progress} aria-label={t('documents.uploading', { percent: progress })} />
          <span className="kern-body kern-body--small" role="status">
            {t('documents.uploading', { percent: progress })}
          </span>
        </div>
      )}
    </section>
  );
}

function describe(problem: UploadProblem, t: (key: string) => string): string {
  if (problem.kind === 'api') return problem.message;
  return t('documents.failed');
}
