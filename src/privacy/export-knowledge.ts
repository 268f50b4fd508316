/**
 * Export sections of part 3 (profiles, webinars, Digital-Werkstatt), in the style of
 * export-queries.ts: one statement each, parameterised by the person's id ($1); other people by id
 * and display name only.
 */
export const KNOWLEDGE_EXPORT_SECTIONS: Record<string, string> = {
  projectProfiles: `SELECT p.id, p.title, p.status, p.visibility, p.created_at AS "createdAt", p.updated_at AS "updatedAt",
           array_remove(ARRAY[CASE WHEN p.created_by_id = $1 THEN 'creator' END, CASE WHEN p.contact_id = $1 THEN 'contact' END], NULL) AS relations
      FROM project_profile p WHERE p.created_by_id = $1 OR p.contact_id = $1 ORDER BY p.created_at`,
  webinarRegistrations: `SELECT json_build_object('id', w.id, 'title', w.title, 'startsAt', w.starts_at) AS webinar, s.title AS "seriesTitle",
           r.status, r.waitlist_position AS "waitlistPosition", r.attended_at AS "attendedAt", CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'name', o.name) END AS organization,
           r.created_at AS "createdAt", r.updated_at AS "updatedAt"
      FROM webinar_registration r JOIN webinar w ON w.id = r.webinar_id JOIN event_series s ON s.id = w.series_id
      LEFT JOIN organization o ON o.id = r.organization_id WHERE r.person_id = $1 ORDER BY w.starts_at`,
  webinarSpeaking: `SELECT json_build_object('id', w.id, 'title', w.title, 'startsAt', w.starts_at) AS webinar, sp.name, sp.role
      FROM webinar_speaker sp JOIN webinar w ON w.id = sp.webinar_id WHERE sp.person_id = $1 ORDER BY w.starts_at`,
  workshopParticipation: `SELECT json_build_object('id', w.id, 'title', w.title, 'date', w.date::text) AS workshop,
           json_build_object('id', o.id, 'name', o.name) AS organization, p.created_at AS "createdAt"
      FROM workshop_participant p JOIN workshop w ON w.id = p.workshop_id JOIN organization o ON o.id = p.organization_id
     WHERE p.person_id = $1 ORDER BY w.date`,
  workshopIdeas: `SELECT i.id, json_build_object('id', w.id, 'title', w.title, 'date', w.date::text) AS workshop, i.title, i.description, i.created_at AS "createdAt"
      FROM workshop_idea i JOIN workshop w ON w.id = i.workshop_id WHERE i.created_by_id = $1 ORDER BY i.created_at`,
  ideaVotes: `SELECT json_build_object('id', i.id, 'title', i.title) AS idea, json_build_object('id', w.id, 'title', w.title) AS workshop, v.created_at AS "createdAt"
      FROM idea_vote v JOIN workshop_idea i ON i.id = v.idea_id JOIN workshop w ON w.id = v.workshop_id WHERE v.person_id = $1 ORDER BY v.created_at`,
};
