import { MigrationInterface, QueryRunner } from "typeorm";

export class SeriesSequence1796679028318 implements MigrationInterface {
    name = 'SeriesSequence1796679028318'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting_series" ADD "sequence" integer NOT NULL DEFAULT '0'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting_series" DROP COLUMN "sequence"`);
    }

}
