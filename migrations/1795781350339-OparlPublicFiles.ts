import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * OParl files serve a public rendering of the protocol (public items only, no place or online
 * link, people named only with publicProfile), kept in the ledger beside its checksum. The File
 * rows already in the ledger are marked stale so that the next sync writes their new rendering.
 */
export class OparlPublicFiles1795781350339 implements MigrationInterface {
    name = 'OparlPublicFiles1795781350339'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "oparl_object" ADD "content" text`);
        await queryRunner.query(`UPDATE "oparl_object" SET "hash" = 'stale' WHERE "kind" = 'File' AND NOT "deleted"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "oparl_object" DROP COLUMN "content"`);
    }

}
