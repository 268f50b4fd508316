import type { DocumentParentType } from '../gql/graphql';

export interface UploadedDocument {
  id: string;
  name: string;
}

export type UploadProblem = { kind: 'api'; code: string; message: string } | { kind: 'network' };

/** The hub's refusal without its "file: " prefix (the message shows next to the file field). */
export function refusalText(message: string): string {
  return message.replace(/^file: /, '');
}

/**
 * Sends one file to POST /documents (or /documents/:id/versions to replace) as multipart/form-data
 * with the sign-in token. XMLHttpRequest, because it reports upload progress (fetch does not).
 */
export function uploadDocument(options: {
  file: File;
  parentType: DocumentParentType;
  parentId: string;
  replaceId?: string;
  token: string | null;
  onProgress: (percent: number) => void;
}): Promise<{ ok: true; document: UploadedDocument } | { ok: false; problem: UploadProblem }> {
  const { file, parentType, parentId, replaceId, token, onProgress } = options;
  const url = replaceId
    ? `/documents/${encodeURIComponent(replaceId)}/versions`
    : `/documents?parentType=${parentType}&parentId=${encodeURIComponent(parentId)}`;
  const body = new FormData();
  body.append('file', file, file.name);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let json: { id?: string; name?: string; error?: string; message?: string } = {};
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: handled below
      }
      if (xhr.status === 201 && json.id) resolve({ ok: true, document: { id: json.id, name: json.name ?? file.name } });
      else if (json.message) resolve({ ok: false, problem: { kind: 'api', code: json.error ?? 'INTERNAL_SERVER_ERROR', message: refusalText(json.message) } });
      else resolve({ ok: false, problem: { kind: 'network' } });
    };
    xhr.onerror = () => resolve({ ok: false, problem: { kind: 'network' } });
    xhr.send(body);
  });
}
