import { MigrationInterface, QueryRunner } from "typeorm";

export class ChatAndReminders1795292055957 implements MigrationInterface {
    name = 'ChatAndReminders1795292055957'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "matrix_transaction" ("txn_id" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5ee7806acba6e3d33a943d8e515" PRIMARY KEY ("txn_id"))`);
        await queryRunner.query(`CREATE TABLE "meeting_reminder" ("meeting_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_09719c5821ddc7ea738803df8cf" PRIMARY KEY ("meeting_id", "starts_at"))`);
        await queryRunner.query(`ALTER TABLE "meeting_reminder" ADD CONSTRAINT "fk_meeting_reminder_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting_reminder" DROP CONSTRAINT "fk_meeting_reminder_meeting"`);
        await queryRunner.query(`DROP TABLE "meeting_reminder"`);
        await queryRunner.query(`DROP TABLE "matrix_transaction"`);
    }

}
