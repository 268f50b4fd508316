import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1795288966766 implements MigrationInterface {
    name = 'Foundation1795288966766'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."organization_kind" AS ENUM('MUNICIPALITY', 'MUNICIPAL_ASSOCIATION', 'DISTRICT', 'MUNICIPAL_UTILITY', 'AGENCY', 'OTHER')`);
        await queryRunner.query(`CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" "public"."organization_kind" NOT NULL, "federal_state" character varying(6), "municipality_key" character(8), "website" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_organization_municipality_key" ON "organization"  ("municipality_key") WHERE "municipality_key" IS NOT NULL`);
        await queryRunner.query(`CREATE TABLE "person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "issuer" text NOT NULL, "subject" text NOT NULL, "display_name" text NOT NULL, "email" text, "matrix_user_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_person_matrix_user_id" ON "person"  ("matrix_user_id") WHERE "matrix_user_id" IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_person_issuer_subject" ON "person"  ("issuer", "subject") `);
        await queryRunner.query(`CREATE TYPE "public"."join_policy" AS ENUM('OPEN', 'APPROVAL', 'INVITE_ONLY')`);
        await queryRunner.query(`CREATE TABLE "network" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(50) NOT NULL, "name" text NOT NULL, "description" text, "join_policy" "public"."join_policy" NOT NULL, "moderator_organization_id" uuid, "matrix_space_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8f8264c2d37cbbd8282ee9a3c97" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_network_slug" ON "network"  ("slug") `);
        await queryRunner.query(`CREATE TYPE "public"."group_level" AS ENUM('PLENUM', 'EXPERT_GROUP', 'PROJECT_GROUP')`);
        await queryRunner.query(`CREATE TABLE "work_group" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "level" "public"."group_level" NOT NULL, "name" text NOT NULL, "description" text, "parent_id" uuid, "lead_organization_id" uuid, "matrix_room_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7aeaac3bab9f571866c4afba46b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_work_group_parent" ON "work_group"  ("parent_id") `);
        await queryRunner.query(`CREATE INDEX "ix_work_group_network" ON "work_group"  ("network_id") `);
        await queryRunner.query(`CREATE TYPE "public"."group_role" AS ENUM('LEAD', 'MODERATOR', 'MEMBER', 'GUEST')`);
        await queryRunner.query(`CREATE TABLE "group_member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "person_id" uuid NOT NULL, "organization_id" uuid, "role" "public"."group_role" NOT NULL, "since" date NOT NULL, "until" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_65634517a244b69a8ef338d03c3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_group_member_person" ON "group_member"  ("person_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_group_member_person" ON "group_member"  ("group_id", "person_id") `);
        await queryRunner.query(`CREATE TYPE "public"."join_request_status" AS ENUM('PENDING', 'APPROVED', 'REJECTED')`);
        await queryRunner.query(`CREATE TABLE "join_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "requested_by_id" uuid NOT NULL, "message" text, "status" "public"."join_request_status" NOT NULL, "decided_by_id" uuid, "reason" text, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ea4ce3bfd1dcd38029f3176bb4e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_join_request_pending" ON "join_request"  ("network_id", "organization_id", "requested_by_id") WHERE "status" = 'PENDING'`);
        await queryRunner.query(`CREATE TYPE "public"."membership_status" AS ENUM('ACTIVE', 'PENDING', 'ENDED')`);
        await queryRunner.query(`CREATE TABLE "network_membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "status" "public"."membership_status" NOT NULL, "since" date, "until" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2285cd04012f9c6aebab91fa91e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_network_membership_current" ON "network_membership"  ("network_id", "organization_id") WHERE "status" <> 'ENDED'`);
        await queryRunner.query(`CREATE TYPE "public"."network_role_kind" AS ENUM('ADMIN', 'MODERATOR', 'MEMBER')`);
        await queryRunner.query(`CREATE TABLE "network_role" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "network_id" uuid NOT NULL, "person_id" uuid NOT NULL, "role" "public"."network_role_kind" NOT NULL, "organization_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7eb6abdbef5e644bf69367ac138" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_network_role_person" ON "network_role"  ("person_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_network_role_person" ON "network_role"  ("network_id", "person_id") `);
        await queryRunner.query(`ALTER TABLE "network" ADD CONSTRAINT "fk_network_moderator_organization" FOREIGN KEY ("moderator_organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "work_group" ADD CONSTRAINT "fk_work_group_network" FOREIGN KEY ("network_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "work_group" ADD CONSTRAINT "fk_work_group_parent" FOREIGN KEY ("parent_id") REFERENCES "work_group"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "work_group" ADD CONSTRAINT "fk_work_group_lead_organization" FOREIGN KEY ("lead_organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "group_member" ADD CONSTRAINT "fk_group_member_group" FOREIGN KEY ("group_id") REFERENCES "work_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "group_member" ADD CONSTRAINT "fk_group_member_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "group_member" ADD CONSTRAINT "fk_group_member_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "join_request" ADD CONSTRAINT "fk_join_request_network" FOREIGN KEY ("network_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "join_request" ADD CONSTRAINT "fk_join_request_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "join_request" ADD CONSTRAINT "fk_join_request_requested_by" FOREIGN KEY ("requested_by_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "join_request" ADD CONSTRAINT "fk_join_request_decided_by" FOREIGN KEY ("decided_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "network_membership" ADD CONSTRAINT "fk_network_membership_network" FOREIGN KEY ("network_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "network_membership" ADD CONSTRAINT "fk_network_membership_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "network_role" ADD CONSTRAINT "fk_network_role_network" FOREIGN KEY ("network_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "network_role" ADD CONSTRAINT "fk_network_role_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "network_role" ADD CONSTRAINT "fk_network_role_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "network_role" DROP CONSTRAINT "fk_network_role_organization"`);
        await queryRunner.query(`ALTER TABLE "network_role" DROP CONSTRAINT "fk_network_role_person"`);
        await queryRunner.query(`ALTER TABLE "network_role" DROP CONSTRAINT "fk_network_role_network"`);
        await queryRunner.query(`ALTER TABLE "network_membership" DROP CONSTRAINT "fk_network_membership_organization"`);
        await queryRunner.query(`ALTER TABLE "network_membership" DROP CONSTRAINT "fk_network_membership_network"`);
        await queryRunner.query(`ALTER TABLE "join_request" DROP CONSTRAINT "fk_join_request_decided_by"`);
        await queryRunner.query(`ALTER TABLE "join_request" DROP CONSTRAINT "fk_join_request_requested_by"`);
        await queryRunner.query(`ALTER TABLE "join_request" DROP CONSTRAINT "fk_join_request_organization"`);
        await queryRunner.query(`ALTER TABLE "join_request" DROP CONSTRAINT "fk_join_request_network"`);
        await queryRunner.query(`ALTER TABLE "group_member" DROP CONSTRAINT "fk_group_member_organization"`);
        await queryRunner.query(`ALTER TABLE "group_member" DROP CONSTRAINT "fk_group_member_person"`);
        await queryRunner.query(`ALTER TABLE "group_member" DROP CONSTRAINT "fk_group_member_group"`);
        await queryRunner.query(`ALTER TABLE "work_group" DROP CONSTRAINT "fk_work_group_lead_organization"`);
        await queryRunner.query(`ALTER TABLE "work_group" DROP CONSTRAINT "fk_work_group_parent"`);
        await queryRunner.query(`ALTER TABLE "work_group" DROP CONSTRAINT "fk_work_group_network"`);
        await queryRunner.query(`ALTER TABLE "network" DROP CONSTRAINT "fk_network_moderator_organization"`);
        await queryRunner.query(`DROP INDEX "public"."uq_network_role_person"`);
        await queryRunner.query(`DROP INDEX "public"."ix_network_role_person"`);
        await queryRunner.query(`DROP TABLE "network_role"`);
        await queryRunner.query(`DROP TYPE "public"."network_role_kind"`);
        await queryRunner.query(`DROP INDEX "public"."uq_network_membership_current"`);
        await queryRunner.query(`DROP TABLE "network_membership"`);
        await queryRunner.query(`DROP TYPE "public"."membership_status"`);
        await queryRunner.query(`DROP INDEX "public"."uq_join_request_pending"`);
        await queryRunner.query(`DROP TABLE "join_request"`);
        await queryRunner.query(`DROP TYPE "public"."join_request_status"`);
        await queryRunner.query(`DROP INDEX "public"."uq_group_member_person"`);
        await queryRunner.query(`DROP INDEX "public"."ix_group_member_person"`);
        await queryRunner.query(`DROP TABLE "group_member"`);
        await queryRunner.query(`DROP TYPE "public"."group_role"`);
        await queryRunner.query(`DROP INDEX "public"."ix_work_group_network"`);
        await queryRunner.query(`DROP INDEX "public"."ix_work_group_parent"`);
        await queryRunner.query(`DROP TABLE "work_group"`);
        await queryRunner.query(`DROP TYPE "public"."group_level"`);
        await queryRunner.query(`DROP INDEX "public"."uq_network_slug"`);
        await queryRunner.query(`DROP TABLE "network"`);
        await queryRunner.query(`DROP TYPE "public"."join_policy"`);
        await queryRunner.query(`DROP INDEX "public"."uq_person_issuer_subject"`);
        await queryRunner.query(`DROP INDEX "public"."uq_person_matrix_user_id"`);
        await queryRunner.query(`DROP TABLE "person"`);
        await queryRunner.query(`DROP INDEX "public"."uq_organization_municipality_key"`);
        await queryRunner.query(`DROP TABLE "organization"`);
        await queryRunner.query(`DROP TYPE "public"."organization_kind"`);
    }

}
