import { MigrationInterface, QueryRunner } from "typeorm";

export class GroupsAndPrivacy1795768773999 implements MigrationInterface {
    name = 'GroupsAndPrivacy1795768773999'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "group_join_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "person_id" uuid NOT NULL, "organization_id" uuid, "message" text, "status" "public"."join_request_status" NOT NULL, "decided_by_id" uuid, "reason" text, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_caaeca0272d5b59e74ca74c9c83" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_group_join_request_person" ON "group_join_request"  ("person_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_group_join_request_pending" ON "group_join_request"  ("group_id", "person_id") WHERE "status" = 'PENDING'`);
        await queryRunner.query(`CREATE TABLE "audit_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "action" text NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "network_id" uuid, "about_person_id" uuid, "summary" text NOT NULL, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_audit_entry_about_person_at" ON "audit_entry"  ("about_person_id", "at") `);
        await queryRunner.query(`CREATE INDEX "ix_audit_entry_actor_at" ON "audit_entry"  ("actor_id", "at") `);
        await queryRunner.query(`CREATE INDEX "ix_audit_entry_network_at" ON "audit_entry"  ("network_id", "at") `);
        await queryRunner.query(`CREATE TYPE "public"."group_join_policy" AS ENUM('OPEN', 'APPROVAL', 'CLOSED')`);
        await queryRunner.query(`ALTER TABLE "work_group" ADD "join_policy" "public"."group_join_policy" NOT NULL DEFAULT 'APPROVAL'`);
        await queryRunner.query(`ALTER TABLE "person" ADD "public_profile" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "person" ADD "notify_by_email" boolean NOT NULL DEFAULT true`);
        await queryRunner.query(`ALTER TABLE "person" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "group_join_request" ADD CONSTRAINT "fk_group_join_request_group" FOREIGN KEY ("group_id") REFERENCES "work_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "group_join_request" ADD CONSTRAINT "fk_group_join_request_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "group_join_request" ADD CONSTRAINT "fk_group_join_request_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "group_join_request" ADD CONSTRAINT "fk_group_join_request_decided_by" FOREIGN KEY ("decided_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "fk_audit_entry_actor" FOREIGN KEY ("actor_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "fk_audit_entry_network" FOREIGN KEY ("network_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "fk_audit_entry_about_person" FOREIGN KEY ("about_person_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "fk_audit_entry_about_person"`);
        await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "fk_audit_entry_network"`);
        await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "fk_audit_entry_actor"`);
        await queryRunner.query(`ALTER TABLE "group_join_request" DROP CONSTRAINT "fk_group_join_request_decided_by"`);
        await queryRunner.query(`ALTER TABLE "group_join_request" DROP CONSTRAINT "fk_group_join_request_organization"`);
        await queryRunner.query(`ALTER TABLE "group_join_request" DROP CONSTRAINT "fk_group_join_request_person"`);
        await queryRunner.query(`ALTER TABLE "group_join_request" DROP CONSTRAINT "fk_group_join_request_group"`);
        await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "erased_at"`);
        await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "notify_by_email"`);
        await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "public_profile"`);
        await queryRunner.query(`ALTER TABLE "work_group" DROP COLUMN "join_policy"`);
        await queryRunner.query(`DROP TYPE "public"."group_join_policy"`);
        await queryRunner.query(`DROP INDEX "public"."ix_audit_entry_network_at"`);
        await queryRunner.query(`DROP INDEX "public"."ix_audit_entry_actor_at"`);
        await queryRunner.query(`DROP INDEX "public"."ix_audit_entry_about_person_at"`);
        await queryRunner.query(`DROP TABLE "audit_entry"`);
        await queryRunner.query(`DROP INDEX "public"."uq_group_join_request_pending"`);
        await queryRunner.query(`DROP INDEX "public"."ix_group_join_request_person"`);
        await queryRunner.query(`DROP TABLE "group_join_request"`);
    }

}
