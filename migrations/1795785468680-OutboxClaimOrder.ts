import { MigrationInterface, QueryRunner } from "typeorm";

export class OutboxClaimOrder1795785468680 implements MigrationInterface {
    name = 'OutboxClaimOrder1795785468680'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "ix_outbox_event_order" ON "outbox_event"  ("group_id", "seq") WHERE "delivered_at" IS NULL AND "dead_at" IS NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_outbox_event_order"`);
    }

}
