import { MigrationInterface, QueryRunner } from "typeorm";

export class ProtocolRendering1796679561261 implements MigrationInterface {
    name = 'ProtocolRendering1796679561261'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."protocol_rendering_kind" AS ENUM('MEMBERS', 'PUBLIC')`);
        await queryRunner.query(`CREATE TABLE "protocol_rendering" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "protocol_id" uuid NOT NULL, "kind" "public"."protocol_rendering_kind" NOT NULL, "correction_sequence" integer NOT NULL, "input" jsonb NOT NULL, "object_key" text NOT NULL, "size" integer, "sha256" character(64), "sha512" character(128), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "stored_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_protocol_rendering" UNIQUE ("protocol_id", "kind", "correction_sequence"), CONSTRAINT "PK_6a245c930bcc814fed00eeb7047" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "protocol_rendering" ADD CONSTRAINT "fk_protocol_rendering_protocol" FOREIGN KEY ("protocol_id") REFERENCES "protocol"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // A stored public rendering is an OParl File of its meeting: storing it changes the OParl view.
        await queryRunner.query(`CREATE TRIGGER "tr_oparl_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "protocol_rendering" FOR EACH STATEMENT EXECUTE FUNCTION "oparl_touch"()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "tr_oparl_change" ON "protocol_rendering"`);
        await queryRunner.query(`ALTER TABLE "protocol_rendering" DROP CONSTRAINT "fk_protocol_rendering_protocol"`);
        await queryRunner.query(`DROP TABLE "protocol_rendering"`);
        await queryRunner.query(`DROP TYPE "public"."protocol_rendering_kind"`);
    }

}
