package db.migration;

import java.sql.Statement;

import org.autocollections.audit.RecordProtection;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The database itself refuses to change a decision record or to delete one younger than five years, so that no
 * code path, native query or person with the service's credentials can rewrite what was decided. H2 and PostgreSQL
 * write triggers differently, hence one Java migration instead of one SQL script for both.
 */
public class V8__decision_record_immutable extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String database = context.getConnection().getMetaData().getDatabaseProductName();
        try (Statement sql = context.getConnection().createStatement()) {
            if (database.startsWith("PostgreSQL")) {
                sql.execute("""
                        create function decision_record_protect() returns trigger language plpgsql as $$
                        begin
                            if tg_level = 'STATEMENT' then
                                raise exception 'decision records are immutable: TRUNCATE refused';
                            end if;
                            if tg_op = 'DELETE' and old.decided_at < current_timestamp - make_interval(years => KEPT) then
                                return old;
                            end if;
                            raise exception 'decision records are immutable: % of decision % refused', tg_op, old.decision_id;
                        end $$""".replace("KEPT", Integer.toString(RecordProtection.KEPT_YEARS)));
                sql.execute("create trigger decision_record_immutable before update or delete on decision_record "
                        + "for each row execute function decision_record_protect()");
                sql.execute("create trigger decision_record_not_truncated before truncate on decision_record "
                        + "for each statement execute function decision_record_protect()");
            } else if (database.startsWith("H2")) {
                sql.execute("create trigger decision_record_immutable before update, delete on decision_record "
                        + "for each row call '" + RecordProtection.class.getName() + "'");
            } else {
                throw new IllegalStateException("No protection of the decision record written for " + database);
            }
        }
    }
}
