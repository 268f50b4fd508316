import { MigrationInterface, QueryRunner } from "typeorm";

export class MatrixOutbox1795291721693 implements MigrationInterface {
    name = 'MatrixOutbox1795291721693'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "outbox_event" ADD "seq" BIGSERIAL NOT NULL`);
        await queryRunner.query(`ALTER TABLE "outbox_event" ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "outbox_event" ADD "remote_id" text`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "outbox_event" DROP COLUMN "remote_id"`);
        await queryRunner.query(`ALTER TABLE "outbox_event" DROP COLUMN "locked_until"`);
        await queryRunner.query(`ALTER TABLE "outbox_event" DROP COLUMN "seq"`);
    }

}
