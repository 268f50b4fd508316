import { MigrationInterface, QueryRunner } from "typeorm";

export class AttendanceForAnyone1796655358183 implements MigrationInterface {
    name = 'AttendanceForAnyone1796655358183'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."attendance_role" AS ENUM('MEMBER', 'GUEST', 'SPEAKER', 'DEPUTY', 'EXTERNAL')`);
        await queryRunner.query(`CREATE TABLE "external_attendee" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "name" text NOT NULL, "organization_name" text, "role" "public"."attendance_role" NOT NULL, "status" "public"."attendance_status" NOT NULL, "consent_to_publish" boolean NOT NULL DEFAULT false, "recorded_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dc7dba08edf8bcd824ac7253a40" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_external_attendee_meeting" ON "external_attendee"  ("meeting_id") `);
        // Everyone recorded so far was chosen from the group's members.
        await queryRunner.query(`ALTER TABLE "attendance" ADD "role" "public"."attendance_role" NOT NULL DEFAULT 'MEMBER'`);
        await queryRunner.query(`ALTER TABLE "external_attendee" ADD CONSTRAINT "fk_external_attendee_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "external_attendee" ADD CONSTRAINT "fk_external_attendee_recorded_by" FOREIGN KEY ("recorded_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "external_attendee" DROP CONSTRAINT "fk_external_attendee_recorded_by"`);
        await queryRunner.query(`ALTER TABLE "external_attendee" DROP CONSTRAINT "fk_external_attendee_meeting"`);
        await queryRunner.query(`ALTER TABLE "attendance" DROP COLUMN "role"`);
        await queryRunner.query(`DROP INDEX "public"."ix_external_attendee_meeting"`);
        await queryRunner.query(`DROP TABLE "external_attendee"`);
        await queryRunner.query(`DROP TYPE "public"."attendance_role"`);
    }
}
