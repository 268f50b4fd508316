import { MigrationInterface, QueryRunner } from "typeorm";

export class Documents1796679393386 implements MigrationInterface {
    name = 'Documents1796679393386'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."document_parent_type" AS ENUM('MEETING', 'AGENDA_ITEM', 'PROFILE', 'WEBINAR', 'WORKSHOP')`);
        await queryRunner.query(`CREATE TABLE "document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "parent_type" "public"."document_parent_type" NOT NULL, "meeting_id" uuid, "agenda_item_id" uuid, "profile_id" uuid, "webinar_id" uuid, "workshop_id" uuid, "name" text NOT NULL, "media_type" text NOT NULL, "size" bigint NOT NULL, "sha256" text NOT NULL, "sha512" text NOT NULL, "current_version" integer NOT NULL, "object_key" text NOT NULL, "uploaded_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_document_one_parent" CHECK (num_nonnulls("meeting_id", "agenda_item_id", "profile_id", "webinar_id", "workshop_id") = 1), CONSTRAINT "PK_e57d3357f83f3cdc0acffc3d777" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_document_uploaded_by" ON "document"  ("uploaded_by_id") `);
        await queryRunner.query(`CREATE INDEX "ix_document_workshop" ON "document"  ("workshop_id") `);
        await queryRunner.query(`CREATE INDEX "ix_document_webinar" ON "document"  ("webinar_id") `);
        await queryRunner.query(`CREATE INDEX "ix_document_profile" ON "document"  ("profile_id") `);
        await queryRunner.query(`CREATE INDEX "ix_document_agenda_item" ON "document"  ("agenda_item_id") `);
        await queryRunner.query(`CREATE INDEX "ix_document_meeting" ON "document"  ("meeting_id") `);
        await queryRunner.query(`CREATE TABLE "document_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "document_id" uuid NOT NULL, "version" integer NOT NULL, "name" text NOT NULL, "media_type" text NOT NULL, "size" bigint NOT NULL, "sha256" text NOT NULL, "sha512" text NOT NULL, "object_key" text NOT NULL, "uploaded_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_document_version_object" UNIQUE ("object_key"), CONSTRAINT "uq_document_version" UNIQUE ("document_id", "version"), CONSTRAINT "PK_a4c39c95456c5dbb2e96cca713c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_document_version_uploaded_by" ON "document_version"  ("uploaded_by_id") `);
        await queryRunner.query(`CREATE TABLE "document_object_removal" ("object_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "not_before" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1b3443a938e716acc81250fd019" PRIMARY KEY ("object_key"))`);
        await queryRunner.query(`ALTER TABLE "document" ADD CONSTRAINT "fk_document_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "document" ADD CONSTRAINT "fk_document_agenda_item" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "document" ADD CONSTRAINT "fk_document_profile" FOREIGN KEY ("profile_id") REFERENCES "project_profile"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "document" ADD CONSTRAINT "fk_document_webinar" FOREIGN KEY ("webinar_id") REFERENCES "webinar"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "document" ADD CONSTRAINT "fk_document_workshop" FOREIGN KEY ("workshop_id") REFERENCES "workshop"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "document" ADD CONSTRAINT "fk_document_uploaded_by" FOREIGN KEY ("uploaded_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "document_version" ADD CONSTRAINT "fk_document_version_document" FOREIGN KEY ("document_id") REFERENCES "document"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "document_version" ADD CONSTRAINT "fk_document_version_uploaded_by" FOREIGN KEY ("uploaded_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);        // Written by hand: a version row that goes (its document removed, or the parent with it by
        // cascade) leaves its object key for the sweeper, which removes the object after the commit.
        await queryRunner.query(`CREATE FUNCTION document_version_removed() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            INSERT INTO document_object_removal (object_key) VALUES (OLD.object_key) ON CONFLICT DO NOTHING;
            RETURN OLD;
          END $$`);
        await queryRunner.query(`CREATE TRIGGER trg_document_version_removed AFTER DELETE ON document_version FOR EACH ROW EXECUTE FUNCTION document_version_removed()`);
        // Documents of public agenda items are OParl Files: a change marks the public view stale.
        await queryRunner.query(`CREATE TRIGGER "tr_oparl_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "document" FOR EACH STATEMENT EXECUTE FUNCTION "oparl_touch"()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "tr_oparl_change" ON "document"`);
        await queryRunner.query(`DROP TRIGGER trg_document_version_removed ON document_version`);
        await queryRunner.query(`DROP FUNCTION document_version_removed()`);
        await queryRunner.query(`ALTER TABLE "document_version" DROP CONSTRAINT "fk_document_version_uploaded_by"`);
        await queryRunner.query(`ALTER TABLE "document_version" DROP CONSTRAINT "fk_document_version_document"`);
        await queryRunner.query(`ALTER TABLE "document" DROP CONSTRAINT "fk_document_uploaded_by"`);
        await queryRunner.query(`ALTER TABLE "document" DROP CONSTRAINT "fk_document_workshop"`);
        await queryRunner.query(`ALTER TABLE "document" DROP CONSTRAINT "fk_document_webinar"`);
        await queryRunner.query(`ALTER TABLE "document" DROP CONSTRAINT "fk_document_profile"`);
        await queryRunner.query(`ALTER TABLE "document" DROP CONSTRAINT "fk_document_agenda_item"`);
        await queryRunner.query(`ALTER TABLE "document" DROP CONSTRAINT "fk_document_meeting"`);
        await queryRunner.query(`DROP TABLE "document_object_removal"`);
        await queryRunner.query(`DROP INDEX "public"."ix_document_version_uploaded_by"`);
        await queryRunner.query(`DROP TABLE "document_version"`);
        await queryRunner.query(`DROP INDEX "public"."ix_document_meeting"`);
        await queryRunner.query(`DROP INDEX "public"."ix_document_agenda_item"`);
        await queryRunner.query(`DROP INDEX "public"."ix_document_profile"`);
        await queryRunner.query(`DROP INDEX "public"."ix_document_webinar"`);
        await queryRunner.query(`DROP INDEX "public"."ix_document_workshop"`);
        await queryRunner.query(`DROP INDEX "public"."ix_document_uploaded_by"`);
        await queryRunner.query(`DROP TABLE "document"`);
        await queryRunner.query(`DROP TYPE "public"."document_parent_type"`);
    }

}
