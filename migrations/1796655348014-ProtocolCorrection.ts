import { MigrationInterface, QueryRunner } from "typeorm";

export class ProtocolCorrection1796655348014 implements MigrationInterface {
    name = 'ProtocolCorrection1796655348014'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "protocol_correction" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "protocol_id" uuid NOT NULL, "sequence" integer NOT NULL, "text" text NOT NULL, "author_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "previous_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "uq_protocol_correction_sequence" UNIQUE ("protocol_id", "sequence"), CONSTRAINT "PK_e2992a407690d609cf90dc8aeed" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "protocol_correction" ADD CONSTRAINT "fk_protocol_correction_protocol" FOREIGN KEY ("protocol_id") REFERENCES "protocol"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "protocol_correction" ADD CONSTRAINT "fk_protocol_correction_author" FOREIGN KEY ("author_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        // A correction of a published protocol is public wherever the protocol is: the OParl view renders again.
        await queryRunner.query(`CREATE TRIGGER "tr_oparl_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "protocol_correction" FOR EACH STATEMENT EXECUTE FUNCTION "oparl_touch"()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "tr_oparl_change" ON "protocol_correction"`);
        await queryRunner.query(`ALTER TABLE "protocol_correction" DROP CONSTRAINT "fk_protocol_correction_author"`);
        await queryRunner.query(`ALTER TABLE "protocol_correction" DROP CONSTRAINT "fk_protocol_correction_protocol"`);
        await queryRunner.query(`DROP TABLE "protocol_correction"`);
    }

}
