import { MigrationInterface, QueryRunner } from "typeorm";

export class OutboxEventAggregateIndex1796662800000 implements MigrationInterface {
    name = 'OutboxEventAggregateIndex1796662800000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX "ix_outbox_event_aggregate" ON "outbox_event" ("aggregate_id", "type", "seq") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_outbox_event_aggregate"`);
    }
}
