import { MigrationInterface, QueryRunner } from "typeorm";

export class ActionItemClosed1796649012945 implements MigrationInterface {
    name = 'ActionItemClosed1796649012945'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "action_item" ADD "closed_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "action_item" ADD "closed_by_id" uuid`);
        await queryRunner.query(`ALTER TABLE "action_item" ADD CONSTRAINT "fk_action_item_closed_by" FOREIGN KEY ("closed_by_id") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        // Items closed before this version: when is their last change, who is not known.
        await queryRunner.query(`UPDATE "action_item" SET "closed_at" = "updated_at" WHERE "status" <> 'OPEN'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "action_item" DROP CONSTRAINT "fk_action_item_closed_by"`);
        await queryRunner.query(`ALTER TABLE "action_item" DROP COLUMN "closed_by_id"`);
        await queryRunner.query(`ALTER TABLE "action_item" DROP COLUMN "closed_at"`);
    }

}
