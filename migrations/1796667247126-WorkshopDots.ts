import { MigrationInterface, QueryRunner } from "typeorm";

export class WorkshopDots1796667247126 implements MigrationInterface {
    name = 'WorkshopDots1796667247126'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "workshop" ADD "dots_per_participant" integer NOT NULL DEFAULT '3'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "workshop" DROP COLUMN "dots_per_participant"`);
    }

}
