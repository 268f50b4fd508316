import { MigrationInterface, QueryRunner } from "typeorm";

export class ProtocolPublishedBy1796648956820 implements MigrationInterface {
    name = 'ProtocolPublishedBy1796648956820'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "protocol" ADD "published_by_id" uuid`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "protocol" DROP COLUMN "published_by_id"`);
    }

}
