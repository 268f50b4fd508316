import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * German search over project profiles, the same on PostgreSQL 15+ and on PGlite (which loads
 * unaccent and pg_trgm as bundled extensions): texts are folded (lower case, accents and umlauts
 * removed by unaccent, then ae/oe/ue read as a/o/u, so "Buerger" and "Bürger" meet) before the
 * German snowball stemmer sees them. Triggers keep the weighted vector (title A, summary and tags
 * B, body C, GIN index) and the vocabulary of all stems (search_lexeme, trigram index), through
 * which a query stem is expanded to the stems containing it: parts of compounds.
 * Hand-written; TypeORM knows neither triggers nor GIN indexes.
 */
const SEARCH_UP = [
    `CREATE EXTENSION IF NOT EXISTS unaccent`,
    `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
    `CREATE FUNCTION interkom_fold(t text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT replace(replace(replace(lower(unaccent('unaccent', coalesce(t, ''))), 'ae', 'a'), 'oe', 'o'), 'ue', 'u')
     $$`,
    `CREATE FUNCTION project_profile_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
        NEW.search_vector := setweight(to_tsvector('german', interkom_fold(NEW.title)), 'A')
            || setweight(to_tsvector('german', interkom_fold(NEW.summary || ' ' || array_to_string(NEW.tags, ' '))), 'B')
            || setweight(to_tsvector('german', interkom_fold(NEW.body)), 'C');
        RETURN NEW;
     END $$`,
    `CREATE TRIGGER trg_project_profile_search BEFORE INSERT OR UPDATE OF title, summary, body, tags ON "project_profile"
        FOR EACH ROW EXECUTE FUNCTION project_profile_search_update()`,
    // Sorted, so that concurrent writers take the keys in one order (no deadlock).
    `CREATE FUNCTION project_profile_lexemes() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
        INSERT INTO search_lexeme (lexeme) SELECT l FROM unnest(tsvector_to_array(NEW.search_vector)) AS l ORDER BY l ON CONFLICT DO NOTHING;
        RETURN NULL;
     END $$`,
    `CREATE TRIGGER trg_project_profile_lexemes AFTER INSERT OR UPDATE OF title, summary, body, tags ON "project_profile"
        FOR EACH ROW EXECUTE FUNCTION project_profile_lexemes()`,
    `CREATE INDEX "ix_project_profile_search_vector" ON "project_profile" USING gin ("search_vector")`,
    `CREATE INDEX "ix_search_lexeme_trgm" ON "search_lexeme" USING gin ("lexeme" gin_trgm_ops)`,
];
/** The extensions stay: other objects of the database may use them. */
const SEARCH_DOWN = [
    `DROP INDEX "public"."ix_search_lexeme_trgm"`,
    `DROP INDEX "public"."ix_project_profile_search_vector"`,
    `DROP TRIGGER trg_project_profile_lexemes ON "project_profile"`,
    `DROP FUNCTION project_profile_lexemes()`,
    `DROP TRIGGER trg_project_profile_search ON "project_profile"`,
    `DROP FUNCTION project_profile_search_update()`,
    `DROP FUNCTION interkom_fold(text)`,
];

/** The nine fields of action of the Digital-Werkstatt, with stable keys. */
const FIELDS_OF_ACTION = [
    { key: 'kommunale-verwaltung', name: 'Kommunale Verwaltung', description: 'Digitale Dienste des Rathauses, Online-Anträge, interne Abläufe' },
    { key: 'digitale-infrastruktur', name: 'Digitale Infrastruktur', description: 'Breitband, Mobilfunk, WLAN, Sensornetze' },
    { key: 'bildung-und-jugend', name: 'Bildung und Jugend', description: 'Schulen, Kitas, Jugendarbeit, Medienkompetenz' },
    { key: 'tourismus', name: 'Tourismus', description: 'Gäste informieren, Angebote buchbar machen, Orte erlebbar machen' },
    { key: 'kommunale-wirtschaft', name: 'Kommunale Wirtschaft', description: 'Handel, Gewerbe, Wirtschaftsförderung, Fachkräfte' },
    { key: 'dorf-und-stadtentwicklung', name: 'Dorf- und Stadtentwicklung', description: 'Planung, Beteiligung, Mobilität, Ortskerne' },
    { key: 'alltagsleben', name: 'Alltagsleben', description: 'Nahversorgung, Ehrenamt, Vereine, Nachbarschaft' },
    { key: 'silberne-gesellschaft', name: 'Silberne Gesellschaft', description: 'Menschen ab 60: Teilhabe, Unterstützung, digitale Kompetenz' },
    { key: 'gesundheit-und-pflege', name: 'Gesundheit und Pflege', description: 'Versorgung, Pflege, Telemedizin' },
];


export class KnowledgeAndEvents1795771012630 implements MigrationInterface {
    name = 'KnowledgeAndEvents1795771012630'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "field_of_action" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "name" text NOT NULL, "description" text, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_e0730bb45bc6c79198c62c0d0e0" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_field_of_action_key" ON "field_of_action"  ("key") `);
        await queryRunner.query(`CREATE TYPE "public"."project_status" AS ENUM('IDEA', 'PLANNED', 'RUNNING', 'COMPLETED', 'STOPPED')`);
        await queryRunner.query(`CREATE TYPE "public"."visibility" AS ENUM('NETWORK', 'HUB', 'PUBLIC')`);
        await queryRunner.query(`CREATE TABLE "project_profile" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "summary" text NOT NULL, "body" text, "tags" text array NOT NULL, "status" "public"."project_status" NOT NULL, "started_on" date, "costs_note" text, "funding_note" text, "contact_id" uuid, "links" text array NOT NULL, "network_id" uuid, "visibility" "public"."visibility" NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "search_vector" tsvector, CONSTRAINT "PK_20aaf593b0407447b72d322d032" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_project_profile_updated" ON "project_profile"  ("updated_at") `);
        await queryRunner.query(`CREATE INDEX "ix_project_profile_network" ON "project_profile"  ("network_id") `);
        await queryRunner.query(`CREATE TABLE "search_lexeme" ("lexeme" text NOT NULL, CONSTRAINT "PK_3c1b86f5c52e0ad892fca5edb23" PRIMARY KEY ("lexeme"))`);
        await queryRunner.query(`CREATE TABLE "project_profile_organization" ("profile_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_f71d21d95ea4ba72d4c22bef651" PRIMARY KEY ("profile_id", "organization_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_project_profile_organization_org" ON "project_profile_organization"  ("organization_id") `);
        await queryRunner.query(`CREATE TABLE "project_profile_field" ("profile_id" uuid NOT NULL, "field_of_action_id" uuid NOT NULL, CONSTRAINT "PK_2a79d6bbd8031d1cf5ecc96c247" PRIMARY KEY ("profile_id", "field_of_action_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_project_profile_field_field" ON "project_profile_field"  ("field_of_action_id") `);
        await queryRunner.query(`CREATE TABLE "event_series" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "description" text, "organizer_id" uuid NOT NULL, "network_id" uuid, "visibility" "public"."visibility" NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9c68540164026e1a070a0a227f8" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_event_series_network" ON "event_series"  ("network_id") `);
        await queryRunner.query(`CREATE TABLE "webinar" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "series_id" uuid NOT NULL, "title" text NOT NULL, "description" text, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "time_zone" text NOT NULL, "capacity" integer, "online_url" text, "recording_url" text, "cancelled" boolean NOT NULL DEFAULT false, "cancel_reason" text, "sequence" integer NOT NULL DEFAULT '0', "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_603a787d99c2e1c2f5f883e2646" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_webinar_starts" ON "webinar"  ("starts_at") `);
        await queryRunner.query(`CREATE INDEX "ix_webinar_series_starts" ON "webinar"  ("series_id", "starts_at") `);
        await queryRunner.query(`CREATE TABLE "webinar_speaker" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "webinar_id" uuid NOT NULL, "position" integer NOT NULL, "name" text NOT NULL, "role" text, "organization_id" uuid, "person_id" uuid, CONSTRAINT "PK_52542997799caefb2e1218e80e8" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_webinar_speaker_person" ON "webinar_speaker"  ("person_id") `);
        await queryRunner.query(`CREATE INDEX "ix_webinar_speaker_webinar" ON "webinar_speaker"  ("webinar_id", "position") `);
        await queryRunner.query(`CREATE TABLE "webinar_profile" ("webinar_id" uuid NOT NULL, "profile_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_0d8d9be29368a832f8d5d22440d" PRIMARY KEY ("webinar_id", "profile_id"))`);
        await queryRunner.query(`CREATE TYPE "public"."registration_status" AS ENUM('CONFIRMED', 'WAITLISTED', 'CANCELLED')`);
        await queryRunner.query(`CREATE TABLE "webinar_registration" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "webinar_id" uuid NOT NULL, "person_id" uuid NOT NULL, "organization_id" uuid, "status" "public"."registration_status" NOT NULL, "waitlist_position" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_webinar_registration_waitlist" UNIQUE ("webinar_id", "waitlist_position") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "PK_7547720e96175496730b23ad943" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_webinar_registration_person" ON "webinar_registration"  ("person_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_webinar_registration_person" ON "webinar_registration"  ("webinar_id", "person_id") `);
        await queryRunner.query(`CREATE TABLE "workshop" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "date" date NOT NULL, "location" text, "network_id" uuid, "facilitator_id" uuid, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e755b83ccf7c711f998012e1c92" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_workshop_network" ON "workshop"  ("network_id") `);
        await queryRunner.query(`CREATE TABLE "workshop_municipality" ("workshop_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_a2e3253fc5c7b0cbd1797e12b66" PRIMARY KEY ("workshop_id", "organization_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_workshop_municipality_org" ON "workshop_municipality"  ("organization_id") `);
        await queryRunner.query(`CREATE TABLE "workshop_field" ("workshop_id" uuid NOT NULL, "field_of_action_id" uuid NOT NULL, CONSTRAINT "PK_4ce1e01d5dc215849812dfc4d54" PRIMARY KEY ("workshop_id", "field_of_action_id"))`);
        await queryRunner.query(`CREATE TABLE "workshop_participant" ("workshop_id" uuid NOT NULL, "person_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cdbc1f53e93a098bdccdfbbc107" PRIMARY KEY ("workshop_id", "person_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_workshop_participant_person" ON "workshop_participant"  ("person_id") `);
        await queryRunner.query(`CREATE TABLE "field_selection" ("workshop_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "field_of_action_id" uuid NOT NULL, "priority" integer NOT NULL, CONSTRAINT "PK_170e4f68bb2085c6d89d1582776" PRIMARY KEY ("workshop_id", "organization_id", "field_of_action_id"))`);
        await queryRunner.query(`CREATE TABLE "workshop_idea" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workshop_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "field_of_action_id" uuid NOT NULL, "title" text NOT NULL, "description" text, "created_by_id" uuid NOT NULL, "project_group_id" uuid, "project_profile_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3de46cc72fcfd210d06a5563b7f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_workshop_idea_workshop" ON "workshop_idea"  ("workshop_id") `);
        await queryRunner.query(`CREATE TABLE "idea_vote" ("idea_id" uuid NOT NULL, "person_id" uuid NOT NULL, "workshop_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_58dca4d6d5ec4317b6b14e5e320" PRIMARY KEY ("idea_id", "person_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_idea_vote_workshop_person" ON "idea_vote"  ("workshop_id", "person_id") `);
        await queryRunner.query(`CREATE TABLE "idea_step" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "idea_id" uuid NOT NULL, "position" integer NOT NULL, "title" text NOT NULL, "responsible" text, "due_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c0d319f6b99047bb6e5be4aa9a1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_idea_step_idea" ON "idea_step"  ("idea_id", "position") `);
        await queryRunner.query(`CREATE TABLE "hub_secret" ("name" text NOT NULL, "value" text NOT NULL, CONSTRAINT "PK_fd7f7ffdb651b0e5634a7aca21d" PRIMARY KEY ("name"))`);
        await queryRunner.query(`ALTER TABLE "project_profile" ADD CONSTRAINT "fk_project_profile_contact" FOREIGN KEY ("contact_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "project_profile" ADD CONSTRAINT "fk_project_profile_network" FOREIGN KEY ("network_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "project_profile" ADD CONSTRAINT "fk_project_profile_created_by" FOREIGN KEY ("created_by_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "project_profile_organization" ADD CONSTRAINT "fk_project_profile_organization_profile" FOREIGN KEY ("profile_id") REFERENCES "project_profile"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "project_profile_organization" ADD CONSTRAINT "fk_project_profile_organization_org" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "project_profile_field" ADD CONSTRAINT "fk_project_profile_field_profile" FOREIGN KEY ("profile_id") REFERENCES "project_profile"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "project_profile_field" ADD CONSTRAINT "fk_project_profile_field_field" FOREIGN KEY ("field_of_action_id") REFERENCES "field_of_action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "event_series" ADD CONSTRAINT "fk_event_series_organizer" FOREIGN KEY ("organizer_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "event_series" ADD CONSTRAINT "fk_event_series_network" FOREIGN KEY ("network_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "event_series" ADD CONSTRAINT "fk_event_series_created_by" FOREIGN KEY ("created_by_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "webinar" ADD CONSTRAINT "fk_webinar_series" FOREIGN KEY ("series_id") REFERENCES "event_series"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "webinar" ADD CONSTRAINT "fk_webinar_created_by" FOREIGN KEY ("created_by_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "webinar_speaker" ADD CONSTRAINT "fk_webinar_speaker_webinar" FOREIGN KEY ("webinar_id") REFERENCES "webinar"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "webinar_speaker" ADD CONSTRAINT "fk_webinar_speaker_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "webinar_speaker" ADD CONSTRAINT "fk_webinar_speaker_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "webinar_profile" ADD CONSTRAINT "fk_webinar_profile_webinar" FOREIGN KEY ("webinar_id") REFERENCES "webinar"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "webinar_profile" ADD CONSTRAINT "fk_webinar_profile_profile" FOREIGN KEY ("profile_id") REFERENCES "project_profile"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "webinar_registration" ADD CONSTRAINT "fk_webinar_registration_webinar" FOREIGN KEY ("webinar_id") REFERENCES "webinar"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "webinar_registration" ADD CONSTRAINT "fk_webinar_registration_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "webinar_registration" ADD CONSTRAINT "fk_webinar_registration_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop" ADD CONSTRAINT "fk_workshop_network" FOREIGN KEY ("network_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop" ADD CONSTRAINT "fk_workshop_facilitator" FOREIGN KEY ("facilitator_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop" ADD CONSTRAINT "fk_workshop_created_by" FOREIGN KEY ("created_by_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop_municipality" ADD CONSTRAINT "fk_workshop_municipality_workshop" FOREIGN KEY ("workshop_id") REFERENCES "workshop"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop_municipality" ADD CONSTRAINT "fk_workshop_municipality_org" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop_field" ADD CONSTRAINT "fk_workshop_field_workshop" FOREIGN KEY ("workshop_id") REFERENCES "workshop"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop_field" ADD CONSTRAINT "fk_workshop_field_field" FOREIGN KEY ("field_of_action_id") REFERENCES "field_of_action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop_participant" ADD CONSTRAINT "fk_workshop_participant_workshop" FOREIGN KEY ("workshop_id") REFERENCES "workshop"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop_participant" ADD CONSTRAINT "fk_workshop_participant_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop_participant" ADD CONSTRAINT "fk_workshop_participant_org" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "field_selection" ADD CONSTRAINT "fk_field_selection_workshop" FOREIGN KEY ("workshop_id") REFERENCES "workshop"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "field_selection" ADD CONSTRAINT "fk_field_selection_org" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "field_selection" ADD CONSTRAINT "fk_field_selection_field" FOREIGN KEY ("field_of_action_id") REFERENCES "field_of_action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop_idea" ADD CONSTRAINT "fk_workshop_idea_workshop" FOREIGN KEY ("workshop_id") REFERENCES "workshop"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop_idea" ADD CONSTRAINT "fk_workshop_idea_org" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop_idea" ADD CONSTRAINT "fk_workshop_idea_field" FOREIGN KEY ("field_of_action_id") REFERENCES "field_of_action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop_idea" ADD CONSTRAINT "fk_workshop_idea_created_by" FOREIGN KEY ("created_by_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop_idea" ADD CONSTRAINT "fk_workshop_idea_group" FOREIGN KEY ("project_group_id") REFERENCES "work_group"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workshop_idea" ADD CONSTRAINT "fk_workshop_idea_profile" FOREIGN KEY ("project_profile_id") REFERENCES "project_profile"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "idea_vote" ADD CONSTRAINT "fk_idea_vote_idea" FOREIGN KEY ("idea_id") REFERENCES "workshop_idea"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "idea_vote" ADD CONSTRAINT "fk_idea_vote_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "idea_vote" ADD CONSTRAINT "fk_idea_vote_workshop" FOREIGN KEY ("workshop_id") REFERENCES "workshop"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "idea_step" ADD CONSTRAINT "fk_idea_step_idea" FOREIGN KEY ("idea_id") REFERENCES "workshop_idea"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // Hand-written: German search (extensions, folding, triggers, GIN indexes) and the nine fields of action.
        for (const statement of SEARCH_UP) await queryRunner.query(statement);
        for (const [i, f] of FIELDS_OF_ACTION.entries()) {
            await queryRunner.query(`INSERT INTO "field_of_action" ("key", "name", "description", "position") VALUES ($1, $2, $3, $4) ON CONFLICT ("key") DO NOTHING`, [f.key, f.name, f.description, i + 1]);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const statement of SEARCH_DOWN) await queryRunner.query(statement);
        await queryRunner.query(`ALTER TABLE "idea_step" DROP CONSTRAINT "fk_idea_step_idea"`);
        await queryRunner.query(`ALTER TABLE "idea_vote" DROP CONSTRAINT "fk_idea_vote_workshop"`);
        await queryRunner.query(`ALTER TABLE "idea_vote" DROP CONSTRAINT "fk_idea_vote_person"`);
        await queryRunner.query(`ALTER TABLE "idea_vote" DROP CONSTRAINT "fk_idea_vote_idea"`);
        await queryRunner.query(`ALTER TABLE "workshop_idea" DROP CONSTRAINT "fk_workshop_idea_profile"`);
        await queryRunner.query(`ALTER TABLE "workshop_idea" DROP CONSTRAINT "fk_workshop_idea_group"`);
        await queryRunner.query(`ALTER TABLE "workshop_idea" DROP CONSTRAINT "fk_workshop_idea_created_by"`);
        await queryRunner.query(`ALTER TABLE "workshop_idea" DROP CONSTRAINT "fk_workshop_idea_field"`);
        await queryRunner.query(`ALTER TABLE "workshop_idea" DROP CONSTRAINT "fk_workshop_idea_org"`);
        await queryRunner.query(`ALTER TABLE "workshop_idea" DROP CONSTRAINT "fk_workshop_idea_workshop"`);
        await queryRunner.query(`ALTER TABLE "field_selection" DROP CONSTRAINT "fk_field_selection_field"`);
        await queryRunner.query(`ALTER TABLE "field_selection" DROP CONSTRAINT "fk_field_selection_org"`);
        await queryRunner.query(`ALTER TABLE "field_selection" DROP CONSTRAINT "fk_field_selection_workshop"`);
        await queryRunner.query(`ALTER TABLE "workshop_participant" DROP CONSTRAINT "fk_workshop_participant_org"`);
        await queryRunner.query(`ALTER TABLE "workshop_participant" DROP CONSTRAINT "fk_workshop_participant_person"`);
        await queryRunner.query(`ALTER TABLE "workshop_participant" DROP CONSTRAINT "fk_workshop_participant_workshop"`);
        await queryRunner.query(`ALTER TABLE "workshop_field" DROP CONSTRAINT "fk_workshop_field_field"`);
        await queryRunner.query(`ALTER TABLE "workshop_field" DROP CONSTRAINT "fk_workshop_field_workshop"`);
        await queryRunner.query(`ALTER TABLE "workshop_municipality" DROP CONSTRAINT "fk_workshop_municipality_org"`);
        await queryRunner.query(`ALTER TABLE "workshop_municipality" DROP CONSTRAINT "fk_workshop_municipality_workshop"`);
        await queryRunner.query(`ALTER TABLE "workshop" DROP CONSTRAINT "fk_workshop_created_by"`);
        await queryRunner.query(`ALTER TABLE "workshop" DROP CONSTRAINT "fk_workshop_facilitator"`);
        await queryRunner.query(`ALTER TABLE "workshop" DROP CONSTRAINT "fk_workshop_network"`);
        await queryRunner.query(`ALTER TABLE "webinar_registration" DROP CONSTRAINT "fk_webinar_registration_organization"`);
        await queryRunner.query(`ALTER TABLE "webinar_registration" DROP CONSTRAINT "fk_webinar_registration_person"`);
        await queryRunner.query(`ALTER TABLE "webinar_registration" DROP CONSTRAINT "fk_webinar_registration_webinar"`);
        await queryRunner.query(`ALTER TABLE "webinar_profile" DROP CONSTRAINT "fk_webinar_profile_profile"`);
        await queryRunner.query(`ALTER TABLE "webinar_profile" DROP CONSTRAINT "fk_webinar_profile_webinar"`);
        await queryRunner.query(`ALTER TABLE "webinar_speaker" DROP CONSTRAINT "fk_webinar_speaker_person"`);
        await queryRunner.query(`ALTER TABLE "webinar_speaker" DROP CONSTRAINT "fk_webinar_speaker_organization"`);
        await queryRunner.query(`ALTER TABLE "webinar_speaker" DROP CONSTRAINT "fk_webinar_speaker_webinar"`);
        await queryRunner.query(`ALTER TABLE "webinar" DROP CONSTRAINT "fk_webinar_created_by"`);
        await queryRunner.query(`ALTER TABLE "webinar" DROP CONSTRAINT "fk_webinar_series"`);
        await queryRunner.query(`ALTER TABLE "event_series" DROP CONSTRAINT "fk_event_series_created_by"`);
        await queryRunner.query(`ALTER TABLE "event_series" DROP CONSTRAINT "fk_event_series_network"`);
        await queryRunner.query(`ALTER TABLE "event_series" DROP CONSTRAINT "fk_event_series_organizer"`);
        await queryRunner.query(`ALTER TABLE "project_profile_field" DROP CONSTRAINT "fk_project_profile_field_field"`);
        await queryRunner.query(`ALTER TABLE "project_profile_field" DROP CONSTRAINT "fk_project_profile_field_profile"`);
        await queryRunner.query(`ALTER TABLE "project_profile_organization" DROP CONSTRAINT "fk_project_profile_organization_org"`);
        await queryRunner.query(`ALTER TABLE "project_profile_organization" DROP CONSTRAINT "fk_project_profile_organization_profile"`);
        await queryRunner.query(`ALTER TABLE "project_profile" DROP CONSTRAINT "fk_project_profile_created_by"`);
        await queryRunner.query(`ALTER TABLE "project_profile" DROP CONSTRAINT "fk_project_profile_network"`);
        await queryRunner.query(`ALTER TABLE "project_profile" DROP CONSTRAINT "fk_project_profile_contact"`);
        await queryRunner.query(`DROP TABLE "hub_secret"`);
        await queryRunner.query(`DROP INDEX "public"."ix_idea_step_idea"`);
        await queryRunner.query(`DROP TABLE "idea_step"`);
        await queryRunner.query(`DROP INDEX "public"."ix_idea_vote_workshop_person"`);
        await queryRunner.query(`DROP TABLE "idea_vote"`);
        await queryRunner.query(`DROP INDEX "public"."ix_workshop_idea_workshop"`);
        await queryRunner.query(`DROP TABLE "workshop_idea"`);
        await queryRunner.query(`DROP TABLE "field_selection"`);
        await queryRunner.query(`DROP INDEX "public"."ix_workshop_participant_person"`);
        await queryRunner.query(`DROP TABLE "workshop_participant"`);
        await queryRunner.query(`DROP TABLE "workshop_field"`);
        await queryRunner.query(`DROP INDEX "public"."ix_workshop_municipality_org"`);
        await queryRunner.query(`DROP TABLE "workshop_municipality"`);
        await queryRunner.query(`DROP INDEX "public"."ix_workshop_network"`);
        await queryRunner.query(`DROP TABLE "workshop"`);
        await queryRunner.query(`DROP INDEX "public"."uq_webinar_registration_person"`);
        await queryRunner.query(`DROP INDEX "public"."ix_webinar_registration_person"`);
        await queryRunner.query(`DROP TABLE "webinar_registration"`);
        await queryRunner.query(`DROP TYPE "public"."registration_status"`);
        await queryRunner.query(`DROP TABLE "webinar_profile"`);
        await queryRunner.query(`DROP INDEX "public"."ix_webinar_speaker_webinar"`);
        await queryRunner.query(`DROP INDEX "public"."ix_webinar_speaker_person"`);
        await queryRunner.query(`DROP TABLE "webinar_speaker"`);
        await queryRunner.query(`DROP INDEX "public"."ix_webinar_series_starts"`);
        await queryRunner.query(`DROP INDEX "public"."ix_webinar_starts"`);
        await queryRunner.query(`DROP TABLE "webinar"`);
        await queryRunner.query(`DROP INDEX "public"."ix_event_series_network"`);
        await queryRunner.query(`DROP TABLE "event_series"`);
        await queryRunner.query(`DROP INDEX "public"."ix_project_profile_field_field"`);
        await queryRunner.query(`DROP TABLE "project_profile_field"`);
        await queryRunner.query(`DROP INDEX "public"."ix_project_profile_organization_org"`);
        await queryRunner.query(`DROP TABLE "project_profile_organization"`);
        await queryRunner.query(`DROP TABLE "search_lexeme"`);
        await queryRunner.query(`DROP INDEX "public"."ix_project_profile_network"`);
        await queryRunner.query(`DROP INDEX "public"."ix_project_profile_updated"`);
        await queryRunner.query(`DROP TABLE "project_profile"`);
        await queryRunner.query(`DROP TYPE "public"."visibility"`);
        await queryRunner.query(`DROP TYPE "public"."project_status"`);
        await queryRunner.query(`DROP INDEX "public"."uq_field_of_action_key"`);
        await queryRunner.query(`DROP TABLE "field_of_action"`);
    }

}
