import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Part 4 (reach and interop): the mail channel's own delivery rows (fan-out row per event, one row
 * per recipient), whether a network is public (no row = PRIVATE), and the ledger of the public
 * OParl view (what was served, when it changed, what stopped being public). Generated from the
 * entities.
 */
export class ReachAndInterop1795773620068 implements MigrationInterface {
    name = 'ReachAndInterop1795773620068'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "mail_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "person_id" uuid, "seq" bigint NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, "dead_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "locked_until" TIMESTAMP WITH TIME ZONE, "remote_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d3538fca7dd3bf4d2f4ffc38a8c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_mail_delivery_order" ON "mail_delivery"  ("person_id", "seq") WHERE "delivered_at" IS NULL AND "dead_at" IS NULL`);
        await queryRunner.query(`CREATE INDEX "ix_mail_delivery_pending" ON "mail_delivery"  ("available_at") WHERE "delivered_at" IS NULL AND "dead_at" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_mail_delivery_fanout" ON "mail_delivery"  ("event_id") WHERE "person_id" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_mail_delivery_recipient" ON "mail_delivery"  ("event_id", "person_id") WHERE "person_id" IS NOT NULL`);
        await queryRunner.query(`CREATE TYPE "public"."publication" AS ENUM('PRIVATE', 'PUBLIC')`);
        await queryRunner.query(`CREATE TABLE "network_publication" ("network_id" uuid NOT NULL, "publication" "public"."publication" NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_25866ed09ee1846574a525ad27e" PRIMARY KEY ("network_id"))`);
        await queryRunner.query(`CREATE TABLE "oparl_object" ("path" text NOT NULL, "kind" text NOT NULL, "network_id" uuid NOT NULL, "group_ids" uuid array NOT NULL DEFAULT '{}', "data" jsonb, "hash" text NOT NULL, "created" TIMESTAMP WITH TIME ZONE NOT NULL, "modified" TIMESTAMP WITH TIME ZONE NOT NULL, "deleted" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_745127237c69af4db272db72f78" PRIMARY KEY ("path"))`);
        await queryRunner.query(`CREATE INDEX "ix_oparl_object_list" ON "oparl_object"  ("network_id", "kind", "path") `);
        await queryRunner.query(`ALTER TABLE "mail_delivery" ADD CONSTRAINT "fk_mail_delivery_event" FOREIGN KEY ("event_id") REFERENCES "outbox_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "mail_delivery" ADD CONSTRAINT "fk_mail_delivery_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "network_publication" ADD CONSTRAINT "fk_network_publication_network" FOREIGN KEY ("network_id") REFERENCES "network"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "network_publication" DROP CONSTRAINT "fk_network_publication_network"`);
        await queryRunner.query(`ALTER TABLE "mail_delivery" DROP CONSTRAINT "fk_mail_delivery_person"`);
        await queryRunner.query(`ALTER TABLE "mail_delivery" DROP CONSTRAINT "fk_mail_delivery_event"`);
        await queryRunner.query(`DROP INDEX "public"."ix_oparl_object_list"`);
        await queryRunner.query(`DROP TABLE "oparl_object"`);
        await queryRunner.query(`DROP TABLE "network_publication"`);
        await queryRunner.query(`DROP TYPE "public"."publication"`);
        await queryRunner.query(`DROP INDEX "public"."uq_mail_delivery_recipient"`);
        await queryRunner.query(`DROP INDEX "public"."uq_mail_delivery_fanout"`);
        await queryRunner.query(`DROP INDEX "public"."ix_mail_delivery_pending"`);
        await queryRunner.query(`DROP INDEX "public"."ix_mail_delivery_order"`);
        await queryRunner.query(`DROP TABLE "mail_delivery"`);
    }

}
