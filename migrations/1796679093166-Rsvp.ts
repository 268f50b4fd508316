import { MigrationInterface, QueryRunner } from "typeorm";

export class Rsvp1796679093166 implements MigrationInterface {
    name = 'Rsvp1796679093166'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."rsvp_answer_kind" AS ENUM('ACCEPTED', 'DECLINED', 'TENTATIVE', 'DEPUTY')`);
        await queryRunner.query(`CREATE TYPE "public"."rsvp_source" AS ENUM('CLIENT', 'MAIL')`);
        await queryRunner.query(`CREATE TABLE "rsvp_answer" ("meeting_id" uuid NOT NULL, "person_id" uuid NOT NULL, "answer" "public"."rsvp_answer_kind" NOT NULL, "deputy_person_id" uuid, "deputy_name" text, "deputy_email" text, "comment" text, "sequence" integer NOT NULL, "source" "public"."rsvp_source" NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_905865c6a1bd27d573246e8bfa0" PRIMARY KEY ("meeting_id", "person_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_rsvp_answer_person" ON "rsvp_answer"  ("person_id") `);
        await queryRunner.query(`CREATE TABLE "rsvp_series_answer" ("series_id" uuid NOT NULL, "person_id" uuid NOT NULL, "answer" "public"."rsvp_answer_kind" NOT NULL, "deputy_person_id" uuid, "deputy_name" text, "deputy_email" text, "comment" text, "sequence" integer NOT NULL, "source" "public"."rsvp_source" NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_47c7ae88860721603b29992e822" PRIMARY KEY ("series_id", "person_id"))`);
        await queryRunner.query(`CREATE TABLE "rsvp_invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "token" text NOT NULL, "uid" text NOT NULL, "meeting_id" uuid, "series_id" uuid, "sequence" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_edbd44ab127f3aba904baa91a0d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_rsvp_invitation_token" ON "rsvp_invitation"  ("token") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_rsvp_invitation_person_uid" ON "rsvp_invitation"  ("person_id", "uid") `);
        await queryRunner.query(`CREATE TABLE "rsvp_invitation_occurrence" ("invitation_id" uuid NOT NULL, "recurrence_id" TIMESTAMP WITH TIME ZONE NOT NULL, "sequence" integer NOT NULL, CONSTRAINT "PK_4cb81377bbc434a5fb3988f21d5" PRIMARY KEY ("invitation_id", "recurrence_id"))`);
        await queryRunner.query(`CREATE TABLE "rsvp_mail_reply" ("message_id" text NOT NULL, "outcome" text NOT NULL, "invitation_id" uuid, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5d0949e0ce5d837516526fbab03" PRIMARY KEY ("message_id"))`);
        await queryRunner.query(`ALTER TABLE "rsvp_answer" ADD CONSTRAINT "fk_rsvp_answer_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "rsvp_answer" ADD CONSTRAINT "fk_rsvp_answer_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "rsvp_answer" ADD CONSTRAINT "fk_rsvp_answer_deputy" FOREIGN KEY ("deputy_person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "rsvp_series_answer" ADD CONSTRAINT "fk_rsvp_series_answer_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "rsvp_series_answer" ADD CONSTRAINT "fk_rsvp_series_answer_deputy" FOREIGN KEY ("deputy_person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "rsvp_invitation" ADD CONSTRAINT "fk_rsvp_invitation_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "rsvp_invitation_occurrence" ADD CONSTRAINT "fk_rsvp_invitation_occurrence_invitation" FOREIGN KEY ("invitation_id") REFERENCES "rsvp_invitation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "rsvp_invitation_occurrence" DROP CONSTRAINT "fk_rsvp_invitation_occurrence_invitation"`);
        await queryRunner.query(`ALTER TABLE "rsvp_invitation" DROP CONSTRAINT "fk_rsvp_invitation_person"`);
        await queryRunner.query(`ALTER TABLE "rsvp_series_answer" DROP CONSTRAINT "fk_rsvp_series_answer_deputy"`);
        await queryRunner.query(`ALTER TABLE "rsvp_series_answer" DROP CONSTRAINT "fk_rsvp_series_answer_person"`);
        await queryRunner.query(`ALTER TABLE "rsvp_answer" DROP CONSTRAINT "fk_rsvp_answer_deputy"`);
        await queryRunner.query(`ALTER TABLE "rsvp_answer" DROP CONSTRAINT "fk_rsvp_answer_person"`);
        await queryRunner.query(`ALTER TABLE "rsvp_answer" DROP CONSTRAINT "fk_rsvp_answer_meeting"`);
        await queryRunner.query(`DROP TABLE "rsvp_mail_reply"`);
        await queryRunner.query(`DROP TABLE "rsvp_invitation_occurrence"`);
        await queryRunner.query(`DROP INDEX "public"."uq_rsvp_invitation_person_uid"`);
        await queryRunner.query(`DROP INDEX "public"."uq_rsvp_invitation_token"`);
        await queryRunner.query(`DROP TABLE "rsvp_invitation"`);
        await queryRunner.query(`DROP TABLE "rsvp_series_answer"`);
        await queryRunner.query(`DROP INDEX "public"."ix_rsvp_answer_person"`);
        await queryRunner.query(`DROP TABLE "rsvp_answer"`);
        await queryRunner.query(`DROP TYPE "public"."rsvp_source"`);
        await queryRunner.query(`DROP TYPE "public"."rsvp_answer_kind"`);
    }

}
