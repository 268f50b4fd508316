import { MigrationInterface, QueryRunner } from "typeorm";

export class Meetings1795290764363 implements MigrationInterface {
    name = 'Meetings1795290764363'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "series_id" uuid, "title" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "time_zone" text NOT NULL, "cancelled" boolean NOT NULL DEFAULT false, "cancel_reason" text, "location" text, "online_url" text, "has_record" boolean NOT NULL DEFAULT false, "sequence" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dccaf9e4c0e39067d82ccc7bb83" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_meeting_group_starts" ON "meeting"  ("group_id", "starts_at") `);
        await queryRunner.query(`CREATE TYPE "public"."action_item_status" AS ENUM('OPEN', 'DONE', 'DROPPED')`);
        await queryRunner.query(`CREATE TABLE "action_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "title" text NOT NULL, "assignee_id" uuid, "assignee_organization_id" uuid, "due_on" date, "status" "public"."action_item_status" NOT NULL DEFAULT 'OPEN', "origin_meeting_id" uuid, "protocol_id" uuid, "agenda_item_id" uuid, "public" boolean NOT NULL DEFAULT true, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1214f6f4d832c402751617361c0" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_action_item_protocol" ON "action_item"  ("protocol_id") `);
        await queryRunner.query(`CREATE INDEX "ix_action_item_assignee" ON "action_item"  ("assignee_id") `);
        await queryRunner.query(`CREATE INDEX "ix_action_item_group_status" ON "action_item"  ("group_id", "status") `);
        await queryRunner.query(`CREATE TYPE "public"."agenda_item_status" AS ENUM('PROPOSED', 'ACCEPTED')`);
        await queryRunner.query(`CREATE TABLE "agenda_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "position" integer NOT NULL, "title" text NOT NULL, "description" text, "duration_minutes" integer, "presenter_id" uuid, "presenter_organization_id" uuid, "public" boolean NOT NULL DEFAULT true, "status" "public"."agenda_item_status" NOT NULL, "proposed_by_id" uuid, "carried_over_from_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_agenda_item_position" UNIQUE ("meeting_id", "position") DEFERRABLE INITIALLY DEFERRED, CONSTRAINT "PK_413623e61232799619c2e0a1d42" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_agenda_item_carried" ON "agenda_item"  ("meeting_id", "carried_over_from_id") WHERE "carried_over_from_id" IS NOT NULL`);
        await queryRunner.query(`CREATE TYPE "public"."attendance_status" AS ENUM('PRESENT', 'EXCUSED', 'ABSENT')`);
        await queryRunner.query(`CREATE TABLE "attendance" ("meeting_id" uuid NOT NULL, "person_id" uuid NOT NULL, "organization_id" uuid, "status" "public"."attendance_status" NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7b22d01d5145d9d673fee47270a" PRIMARY KEY ("meeting_id", "person_id"))`);
        await queryRunner.query(`CREATE TYPE "public"."meeting_change_kind" AS ENUM('SCHEDULED', 'RESCHEDULED', 'CANCELLED')`);
        await queryRunner.query(`CREATE TABLE "meeting_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "kind" "public"."meeting_change_kind" NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "previous_starts_at" TIMESTAMP WITH TIME ZONE, "previous_ends_at" TIMESTAMP WITH TIME ZONE, "reason" text, "changed_by_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_370431c7db305e73918150d3663" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_meeting_change_meeting" ON "meeting_change"  ("meeting_id") `);
        await queryRunner.query(`CREATE TABLE "meeting_group" ("meeting_id" uuid NOT NULL, "group_id" uuid NOT NULL, CONSTRAINT "PK_4c36024e5cfd944e6eb355d1d7e" PRIMARY KEY ("meeting_id", "group_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_meeting_group_group" ON "meeting_group"  ("group_id") `);
        await queryRunner.query(`CREATE TABLE "outbox_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" text NOT NULL, "aggregate_type" text NOT NULL, "aggregate_id" uuid NOT NULL, "group_id" uuid, "payload" jsonb NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, "dead_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cc0c9e40998e45ecfc5e313429d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_outbox_event_pending" ON "outbox_event"  ("available_at") WHERE "delivered_at" IS NULL AND "dead_at" IS NULL`);
        await queryRunner.query(`CREATE TYPE "public"."protocol_status" AS ENUM('DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED')`);
        await queryRunner.query(`CREATE TABLE "protocol" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "status" "public"."protocol_status" NOT NULL, "version" integer NOT NULL, "published_markdown" text, "published_markdown_redacted" text, "content_hash" character(64), "approved_at" TIMESTAMP WITH TIME ZONE, "approved_by_id" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bae34901abddccbddda15ea000c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_protocol_meeting" ON "protocol"  ("meeting_id") `);
        await queryRunner.query(`CREATE TABLE "decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "protocol_id" uuid NOT NULL, "agenda_item_id" uuid, "text" text NOT NULL, "votes_for" integer, "votes_against" integer, "abstentions" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fa4cbd6abf1215054f13c27df5a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_decision_protocol" ON "decision"  ("protocol_id") `);
        await queryRunner.query(`CREATE TABLE "protocol_entry" ("protocol_id" uuid NOT NULL, "agenda_item_id" uuid NOT NULL, "notes" text NOT NULL, CONSTRAINT "PK_a12b29b75c69e3c29db8d79c177" PRIMARY KEY ("protocol_id", "agenda_item_id"))`);
        await queryRunner.query(`CREATE TABLE "protocol_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "protocol_id" uuid NOT NULL, "version" integer NOT NULL, "author_id" uuid NOT NULL, "summary" text NOT NULL, "details" jsonb NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_protocol_revision_version" UNIQUE ("protocol_id", "version"), CONSTRAINT "PK_ae731aaa9fd2fcdd6029f35b5ac" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "meeting" ADD CONSTRAINT "fk_meeting_group" FOREIGN KEY ("group_id") REFERENCES "work_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "action_item" ADD CONSTRAINT "fk_action_item_group" FOREIGN KEY ("group_id") REFERENCES "work_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "action_item" ADD CONSTRAINT "fk_action_item_assignee" FOREIGN KEY ("assignee_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "action_item" ADD CONSTRAINT "fk_action_item_assignee_organization" FOREIGN KEY ("assignee_organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "action_item" ADD CONSTRAINT "fk_action_item_origin_meeting" FOREIGN KEY ("origin_meeting_id") REFERENCES "meeting"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "agenda_item" ADD CONSTRAINT "fk_agenda_item_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "agenda_item" ADD CONSTRAINT "fk_agenda_item_presenter" FOREIGN KEY ("presenter_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "agenda_item" ADD CONSTRAINT "fk_agenda_item_presenter_organization" FOREIGN KEY ("presenter_organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "agenda_item" ADD CONSTRAINT "fk_agenda_item_proposed_by" FOREIGN KEY ("proposed_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "agenda_item" ADD CONSTRAINT "fk_agenda_item_carried_over_from" FOREIGN KEY ("carried_over_from_id") REFERENCES "action_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attendance" ADD CONSTRAINT "fk_attendance_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attendance" ADD CONSTRAINT "fk_attendance_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attendance" ADD CONSTRAINT "fk_attendance_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_change" ADD CONSTRAINT "fk_meeting_change_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_change" ADD CONSTRAINT "fk_meeting_change_person" FOREIGN KEY ("changed_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_group" ADD CONSTRAINT "fk_meeting_group_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_group" ADD CONSTRAINT "fk_meeting_group_group" FOREIGN KEY ("group_id") REFERENCES "work_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "protocol" ADD CONSTRAINT "fk_protocol_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "decision" ADD CONSTRAINT "fk_decision_protocol" FOREIGN KEY ("protocol_id") REFERENCES "protocol"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "decision" ADD CONSTRAINT "fk_decision_agenda_item" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_item"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "protocol_entry" ADD CONSTRAINT "fk_protocol_entry_protocol" FOREIGN KEY ("protocol_id") REFERENCES "protocol"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "protocol_entry" ADD CONSTRAINT "fk_protocol_entry_agenda_item" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "protocol_revision" ADD CONSTRAINT "fk_protocol_revision_protocol" FOREIGN KEY ("protocol_id") REFERENCES "protocol"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "protocol_revision" ADD CONSTRAINT "fk_protocol_revision_author" FOREIGN KEY ("author_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "protocol_revision" DROP CONSTRAINT "fk_protocol_revision_author"`);
        await queryRunner.query(`ALTER TABLE "protocol_revision" DROP CONSTRAINT "fk_protocol_revision_protocol"`);
        await queryRunner.query(`ALTER TABLE "protocol_entry" DROP CONSTRAINT "fk_protocol_entry_agenda_item"`);
        await queryRunner.query(`ALTER TABLE "protocol_entry" DROP CONSTRAINT "fk_protocol_entry_protocol"`);
        await queryRunner.query(`ALTER TABLE "decision" DROP CONSTRAINT "fk_decision_agenda_item"`);
        await queryRunner.query(`ALTER TABLE "decision" DROP CONSTRAINT "fk_decision_protocol"`);
        await queryRunner.query(`ALTER TABLE "protocol" DROP CONSTRAINT "fk_protocol_meeting"`);
        await queryRunner.query(`ALTER TABLE "meeting_group" DROP CONSTRAINT "fk_meeting_group_group"`);
        await queryRunner.query(`ALTER TABLE "meeting_group" DROP CONSTRAINT "fk_meeting_group_meeting"`);
        await queryRunner.query(`ALTER TABLE "meeting_change" DROP CONSTRAINT "fk_meeting_change_person"`);
        await queryRunner.query(`ALTER TABLE "meeting_change" DROP CONSTRAINT "fk_meeting_change_meeting"`);
        await queryRunner.query(`ALTER TABLE "attendance" DROP CONSTRAINT "fk_attendance_organization"`);
        await queryRunner.query(`ALTER TABLE "attendance" DROP CONSTRAINT "fk_attendance_person"`);
        await queryRunner.query(`ALTER TABLE "attendance" DROP CONSTRAINT "fk_attendance_meeting"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" DROP CONSTRAINT "fk_agenda_item_carried_over_from"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" DROP CONSTRAINT "fk_agenda_item_proposed_by"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" DROP CONSTRAINT "fk_agenda_item_presenter_organization"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" DROP CONSTRAINT "fk_agenda_item_presenter"`);
        await queryRunner.query(`ALTER TABLE "agenda_item" DROP CONSTRAINT "fk_agenda_item_meeting"`);
        await queryRunner.query(`ALTER TABLE "action_item" DROP CONSTRAINT "fk_action_item_origin_meeting"`);
        await queryRunner.query(`ALTER TABLE "action_item" DROP CONSTRAINT "fk_action_item_assignee_organization"`);
        await queryRunner.query(`ALTER TABLE "action_item" DROP CONSTRAINT "fk_action_item_assignee"`);
        await queryRunner.query(`ALTER TABLE "action_item" DROP CONSTRAINT "fk_action_item_group"`);
        await queryRunner.query(`ALTER TABLE "meeting" DROP CONSTRAINT "fk_meeting_group"`);
        await queryRunner.query(`DROP TABLE "protocol_revision"`);
        await queryRunner.query(`DROP TABLE "protocol_entry"`);
        await queryRunner.query(`DROP INDEX "public"."ix_decision_protocol"`);
        await queryRunner.query(`DROP TABLE "decision"`);
        await queryRunner.query(`DROP INDEX "public"."uq_protocol_meeting"`);
        await queryRunner.query(`DROP TABLE "protocol"`);
        await queryRunner.query(`DROP TYPE "public"."protocol_status"`);
        await queryRunner.query(`DROP INDEX "public"."ix_outbox_event_pending"`);
        await queryRunner.query(`DROP TABLE "outbox_event"`);
        await queryRunner.query(`DROP INDEX "public"."ix_meeting_group_group"`);
        await queryRunner.query(`DROP TABLE "meeting_group"`);
        await queryRunner.query(`DROP INDEX "public"."ix_meeting_change_meeting"`);
        await queryRunner.query(`DROP TABLE "meeting_change"`);
        await queryRunner.query(`DROP TYPE "public"."meeting_change_kind"`);
        await queryRunner.query(`DROP TABLE "attendance"`);
        await queryRunner.query(`DROP TYPE "public"."attendance_status"`);
        await queryRunner.query(`DROP INDEX "public"."uq_agenda_item_carried"`);
        await queryRunner.query(`DROP TABLE "agenda_item"`);
        await queryRunner.query(`DROP TYPE "public"."agenda_item_status"`);
        await queryRunner.query(`DROP INDEX "public"."ix_action_item_group_status"`);
        await queryRunner.query(`DROP INDEX "public"."ix_action_item_assignee"`);
        await queryRunner.query(`DROP INDEX "public"."ix_action_item_protocol"`);
        await queryRunner.query(`DROP TABLE "action_item"`);
        await queryRunner.query(`DROP TYPE "public"."action_item_status"`);
        await queryRunner.query(`DROP INDEX "public"."ix_meeting_group_starts"`);
        await queryRunner.query(`DROP TABLE "meeting"`);
    }

}
