import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Every claim of an outbox row (Matrix, mail) writes a lease token; delivered/failed/release/renew
 * only touch a row that still carries it, so a worker whose lease ran out overwrites nothing.
 */
export class OutboxLeaseToken1795781506469 implements MigrationInterface {
    name = 'OutboxLeaseToken1795781506469'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "outbox_event" ADD "lease_token" uuid`);
        await queryRunner.query(`ALTER TABLE "mail_delivery" ADD "lease_token" uuid`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "mail_delivery" DROP COLUMN "lease_token"`);
        await queryRunner.query(`ALTER TABLE "outbox_event" DROP COLUMN "lease_token"`);
    }

}
