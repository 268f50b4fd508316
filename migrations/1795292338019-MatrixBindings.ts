import { MigrationInterface, QueryRunner } from "typeorm";

export class MatrixBindings1795292338019 implements MigrationInterface {
    name = 'MatrixBindings1795292338019'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_network_matrix_space" ON "network"  ("matrix_space_id") WHERE "matrix_space_id" IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_work_group_matrix_room" ON "work_group"  ("matrix_room_id") WHERE "matrix_room_id" IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."uq_work_group_matrix_room"`);
        await queryRunner.query(`DROP INDEX "public"."uq_network_matrix_space"`);
    }

}
