/**
 * The documents module's part of the personal data export (GET /privacy/export): every upload
 * by the person ($1), each version on its own, with what it belongs to and the path to download
 * it (the files themselves are fetched there, with the same access rules). Owned here so that the
 * privacy module never reads the document tables itself.
 */
export const DOCUMENT_EXPORT_SECTIONS: Record<string, string> = {
  documentUploads: `SELECT v.document_id AS "documentId", v.version, d.parent_type AS "parentType",
           coalesce(d.meeting_id, d.agenda_item_id, d.profile_id, d.webinar_id, d.workshop_id) AS "parentId",
           v.name, v.media_type AS "mediaType", v.size::float8 AS size, v.sha256, v.created_at AS "uploadedAt",
           '/documents/' || v.document_id || '/versions/' || v.version AS "downloadPath",
           v.version = d.current_version AS current
      FROM document_version v JOIN document d ON d.id = v.document_id
     WHERE v.uploaded_by_id = $1 ORDER BY v.created_at, v.version`,
};
