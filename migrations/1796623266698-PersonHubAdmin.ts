import { MigrationInterface, QueryRunner } from "typeorm";

export class PersonHubAdmin1796623266698 implements MigrationInterface {
    name = 'PersonHubAdmin1796623266698'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "person" ADD "hub_admin" boolean NOT NULL DEFAULT false`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "hub_admin"`);
    }

}
