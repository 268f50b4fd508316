import { MigrationInterface, QueryRunner } from "typeorm";

export class Scheduling1795291257060 implements MigrationInterface {
    name = 'Scheduling1795291257060'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "date_poll" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "title" text NOT NULL, "closed" boolean NOT NULL DEFAULT false, "meeting_id" uuid, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fb26a846061600607976da1e850" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_date_poll_group" ON "date_poll"  ("group_id") `);
        await queryRunner.query(`CREATE TABLE "date_poll_option" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "poll_id" uuid NOT NULL, "position" integer NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_71fc3657c91620ad457b57a7f3e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_date_poll_option_poll" ON "date_poll_option"  ("poll_id") `);
        await queryRunner.query(`CREATE TYPE "public"."poll_answer" AS ENUM('YES', 'MAYBE', 'NO')`);
        await queryRunner.query(`CREATE TABLE "date_poll_vote" ("option_id" uuid NOT NULL, "person_id" uuid NOT NULL, "answer" "public"."poll_answer" NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_da7c5f4dd3c5d3f65954ea85d59" PRIMARY KEY ("option_id", "person_id"))`);
        await queryRunner.query(`CREATE TYPE "public"."holiday_policy" AS ENUM('IGNORE', 'SKIP', 'NEXT_WORKING_DAY')`);
        await queryRunner.query(`CREATE TABLE "meeting_series" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "title" text NOT NULL, "rrule" text NOT NULL, "time_zone" text NOT NULL, "start_time" character varying(5) NOT NULL, "duration_minutes" integer NOT NULL, "holiday_policy" "public"."holiday_policy" NOT NULL, "holiday_regions" text array NOT NULL, "starts_on" date NOT NULL, "anchor_on" date NOT NULL, "generate_from" date NOT NULL, "until" date, "location" text, "online_url" text, "materialized_until" date NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4eca052972681e25409955b1774" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_meeting_series_group" ON "meeting_series"  ("group_id") `);
        await queryRunner.query(`CREATE TABLE "meeting_series_skip" ("series_id" uuid NOT NULL, "date" date NOT NULL, "reason" text NOT NULL, CONSTRAINT "PK_ce7a410bf2da49aa9391194ce0e" PRIMARY KEY ("series_id", "date"))`);
        await queryRunner.query(`ALTER TABLE "meeting" ADD "occurrence_date" date`);
        await queryRunner.query(`ALTER TABLE "meeting" ADD "detached" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "person" ADD "calendar_token" text`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_meeting_series_occurrence" ON "meeting"  ("series_id", "occurrence_date") WHERE "series_id" IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_person_calendar_token" ON "person"  ("calendar_token") WHERE "calendar_token" IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "date_poll" ADD CONSTRAINT "fk_date_poll_group" FOREIGN KEY ("group_id") REFERENCES "work_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "date_poll" ADD CONSTRAINT "fk_date_poll_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "date_poll_option" ADD CONSTRAINT "fk_date_poll_option_poll" FOREIGN KEY ("poll_id") REFERENCES "date_poll"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "date_poll_vote" ADD CONSTRAINT "fk_date_poll_vote_option" FOREIGN KEY ("option_id") REFERENCES "date_poll_option"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "date_poll_vote" ADD CONSTRAINT "fk_date_poll_vote_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_series" ADD CONSTRAINT "fk_meeting_series_group" FOREIGN KEY ("group_id") REFERENCES "work_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_series_skip" ADD CONSTRAINT "fk_meeting_series_skip_series" FOREIGN KEY ("series_id") REFERENCES "meeting_series"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting_series_skip" DROP CONSTRAINT "fk_meeting_series_skip_series"`);
        await queryRunner.query(`ALTER TABLE "meeting_series" DROP CONSTRAINT "fk_meeting_series_group"`);
        await queryRunner.query(`ALTER TABLE "date_poll_vote" DROP CONSTRAINT "fk_date_poll_vote_person"`);
        await queryRunner.query(`ALTER TABLE "date_poll_vote" DROP CONSTRAINT "fk_date_poll_vote_option"`);
        await queryRunner.query(`ALTER TABLE "date_poll_option" DROP CONSTRAINT "fk_date_poll_option_poll"`);
        await queryRunner.query(`ALTER TABLE "date_poll" DROP CONSTRAINT "fk_date_poll_meeting"`);
        await queryRunner.query(`ALTER TABLE "date_poll" DROP CONSTRAINT "fk_date_poll_group"`);
        await queryRunner.query(`DROP INDEX "public"."uq_person_calendar_token"`);
        await queryRunner.query(`DROP INDEX "public"."uq_meeting_series_occurrence"`);
        await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "calendar_token"`);
        await queryRunner.query(`ALTER TABLE "meeting" DROP COLUMN "detached"`);
        await queryRunner.query(`ALTER TABLE "meeting" DROP COLUMN "occurrence_date"`);
        await queryRunner.query(`DROP TABLE "meeting_series_skip"`);
        await queryRunner.query(`DROP INDEX "public"."ix_meeting_series_group"`);
        await queryRunner.query(`DROP TABLE "meeting_series"`);
        await queryRunner.query(`DROP TYPE "public"."holiday_policy"`);
        await queryRunner.query(`DROP TABLE "date_poll_vote"`);
        await queryRunner.query(`DROP TYPE "public"."poll_answer"`);
        await queryRunner.query(`DROP INDEX "public"."ix_date_poll_option_poll"`);
        await queryRunner.query(`DROP TABLE "date_poll_option"`);
        await queryRunner.query(`DROP INDEX "public"."ix_date_poll_group"`);
        await queryRunner.query(`DROP TABLE "date_poll"`);
    }

}
