import { MigrationInterface, QueryRunner } from "typeorm";

export class ProtocolReview1796655415240 implements MigrationInterface {
    name = 'ProtocolReview1796655415240'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "protocol_approval" ("protocol_id" uuid NOT NULL, "person_id" uuid NOT NULL, "approved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_protocol_approval" PRIMARY KEY ("protocol_id", "person_id"))`);
        await queryRunner.query(`CREATE TYPE "public"."protocol_feedback_kind" AS ENUM('COMMENT', 'OBJECTION')`);
        await queryRunner.query(`CREATE TYPE "public"."objection_resolution" AS ENUM('WITHDRAWN', 'UPHELD', 'REJECTED')`);
        await queryRunner.query(`CREATE TABLE "protocol_feedback" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "protocol_id" uuid NOT NULL, "agenda_item_id" uuid, "author_id" uuid NOT NULL, "kind" "public"."protocol_feedback_kind" NOT NULL, "text" text NOT NULL, "protocol_version" integer NOT NULL, "answer" text, "answered_by_id" uuid, "answered_at" TIMESTAMP WITH TIME ZONE, "resolution" "public"."objection_resolution", "resolved_by_id" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1af5e3ae301cb7c71cef349bc7d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_protocol_feedback_author" ON "protocol_feedback"  ("author_id") `);
        await queryRunner.query(`CREATE INDEX "ix_protocol_feedback_protocol" ON "protocol_feedback"  ("protocol_id") `);
        await queryRunner.query(`CREATE TABLE "group_protocol_approver" ("group_id" uuid NOT NULL, "person_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_group_protocol_approver" PRIMARY KEY ("group_id", "person_id"))`);
        await queryRunner.query(`CREATE INDEX "ix_group_protocol_approver_person" ON "group_protocol_approver"  ("person_id") `);
        await queryRunner.query(`CREATE TYPE "public"."protocol_approval_mode" AS ENUM('OBJECTION_PERIOD', 'NEXT_MEETING', 'NAMED_APPROVERS', 'MODERATION')`);
        // Groups from before issue 21 keep today's behaviour (the moderation approves); new ones start with the objection period.
        await queryRunner.query(`ALTER TABLE "work_group" ADD "protocol_approval_mode" "public"."protocol_approval_mode" NOT NULL DEFAULT 'MODERATION'`);
        await queryRunner.query(`ALTER TABLE "work_group" ALTER COLUMN "protocol_approval_mode" SET DEFAULT 'OBJECTION_PERIOD'`);
        await queryRunner.query(`ALTER TABLE "work_group" ADD "objection_period_days" integer NOT NULL DEFAULT '14'`);
        await queryRunner.query(`ALTER TABLE "protocol" ADD "approval_mode" "public"."protocol_approval_mode"`);
        await queryRunner.query(`ALTER TABLE "protocol" ADD "approval_due_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "protocol" ADD "approval_meeting_id" uuid`);
        // Protocols already in review stay with the rule they went into review with.
        await queryRunner.query(`UPDATE "protocol" SET "approval_mode" = 'MODERATION' WHERE "status" = 'IN_REVIEW'`);
        await queryRunner.query(`CREATE INDEX "ix_protocol_approval_due" ON "protocol"  ("approval_due_at") WHERE "status" = 'IN_REVIEW'`);
        await queryRunner.query(`ALTER TABLE "protocol_approval" ADD CONSTRAINT "fk_protocol_approval_protocol" FOREIGN KEY ("protocol_id") REFERENCES "protocol"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "protocol_approval" ADD CONSTRAINT "fk_protocol_approval_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "protocol_feedback" ADD CONSTRAINT "fk_protocol_feedback_protocol" FOREIGN KEY ("protocol_id") REFERENCES "protocol"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "protocol_feedback" ADD CONSTRAINT "fk_protocol_feedback_agenda_item" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_item"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "protocol_feedback" ADD CONSTRAINT "fk_protocol_feedback_author" FOREIGN KEY ("author_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "group_protocol_approver" ADD CONSTRAINT "fk_group_protocol_approver_group" FOREIGN KEY ("group_id") REFERENCES "work_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "group_protocol_approver" ADD CONSTRAINT "fk_group_protocol_approver_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "group_protocol_approver" DROP CONSTRAINT "fk_group_protocol_approver_person"`);
        await queryRunner.query(`ALTER TABLE "group_protocol_approver" DROP CONSTRAINT "fk_group_protocol_approver_group"`);
        await queryRunner.query(`ALTER TABLE "protocol_feedback" DROP CONSTRAINT "fk_protocol_feedback_author"`);
        await queryRunner.query(`ALTER TABLE "protocol_feedback" DROP CONSTRAINT "fk_protocol_feedback_agenda_item"`);
        await queryRunner.query(`ALTER TABLE "protocol_feedback" DROP CONSTRAINT "fk_protocol_feedback_protocol"`);
        await queryRunner.query(`ALTER TABLE "protocol_approval" DROP CONSTRAINT "fk_protocol_approval_person"`);
        await queryRunner.query(`ALTER TABLE "protocol_approval" DROP CONSTRAINT "fk_protocol_approval_protocol"`);
        await queryRunner.query(`DROP INDEX "public"."ix_protocol_approval_due"`);
        await queryRunner.query(`ALTER TABLE "protocol" DROP COLUMN "approval_meeting_id"`);
        await queryRunner.query(`ALTER TABLE "protocol" DROP COLUMN "approval_due_at"`);
        await queryRunner.query(`ALTER TABLE "protocol" DROP COLUMN "approval_mode"`);
        await queryRunner.query(`ALTER TABLE "work_group" DROP COLUMN "objection_period_days"`);
        await queryRunner.query(`ALTER TABLE "work_group" DROP COLUMN "protocol_approval_mode"`);
        await queryRunner.query(`DROP TYPE "public"."protocol_approval_mode"`);
        await queryRunner.query(`DROP INDEX "public"."ix_group_protocol_approver_person"`);
        await queryRunner.query(`DROP TABLE "group_protocol_approver"`);
        await queryRunner.query(`DROP INDEX "public"."ix_protocol_feedback_protocol"`);
        await queryRunner.query(`DROP INDEX "public"."ix_protocol_feedback_author"`);
        await queryRunner.query(`DROP TABLE "protocol_feedback"`);
        await queryRunner.query(`DROP TYPE "public"."objection_resolution"`);
        await queryRunner.query(`DROP TYPE "public"."protocol_feedback_kind"`);
        await queryRunner.query(`DROP TABLE "protocol_approval"`);
    }

}
