import { MigrationInterface, QueryRunner } from "typeorm";

/** Every table the public OParl view is rendered from (src/oparl/view/oparl-render*.ts and the protocol document). */
const SOURCES = [
    'network', 'network_publication', 'network_membership', 'organization', 'network_role', 'person', 'group_member', 'work_group',
    'meeting', 'meeting_group', 'agenda_item', 'protocol', 'decision', 'action_item', 'protocol_entry',
];

/**
 * The change marker of the OParl view: a statement-level trigger on each source table adds a row
 * to oparl_change in the writer's transaction; the sync renders only while there are rows and
 * removes those it saw. One row to start with, so the first sync after this migration renders.
 */
export class OparlChangeMarker1795782146569 implements MigrationInterface {
    name = 'OparlChangeMarker1795782146569'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "oparl_change" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3717cce97266ea5b5142890758e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE FUNCTION "oparl_touch"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO oparl_change DEFAULT VALUES; RETURN NULL; END $$`);
        for (const table of SOURCES) {
            await queryRunner.query(`CREATE TRIGGER "tr_oparl_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "oparl_touch"()`);
        }
        await queryRunner.query(`INSERT INTO "oparl_change" DEFAULT VALUES`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of SOURCES) await queryRunner.query(`DROP TRIGGER "tr_oparl_change" ON "${table}"`);
        await queryRunner.query(`DROP FUNCTION "oparl_touch"()`);
        await queryRunner.query(`DROP TABLE "oparl_change"`);
    }

}
