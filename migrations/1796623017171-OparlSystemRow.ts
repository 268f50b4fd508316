import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The OParl System becomes a row of the ledger like every other object (OParl 1.1 §3.1: it has
 * created and modified too, and its modified moves only when it changes); it belongs to no
 * network. (The generator also dropped and re-created ix_oparl_object_list around the column
 * change; the index does not change, so that is left out.) Rows stored by the earlier rendering
 * need no update here: the first render of an updated instance writes every row whose stored
 * form differs from the new one (see settle() in src/oparl/view/oparl-ledger.ts).
 */
export class OparlSystemRow1796623017171 implements MigrationInterface {
    name = 'OparlSystemRow1796623017171'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "oparl_object" ALTER COLUMN "network_id" DROP NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "oparl_object" WHERE "network_id" IS NULL`);
        await queryRunner.query(`ALTER TABLE "oparl_object" ALTER COLUMN "network_id" SET NOT NULL`);
    }

}
