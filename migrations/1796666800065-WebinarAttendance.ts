import { MigrationInterface, QueryRunner } from "typeorm";

export class WebinarAttendance1796666800065 implements MigrationInterface {
    name = 'WebinarAttendance1796666800065'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "webinar_registration" ADD "attended_at" TIMESTAMP WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "webinar_registration" DROP COLUMN "attended_at"`);
    }

}
