package dev.triage.adapters.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SqlStatementTest {

  @Test
  void values_become_numbered_placeholders_in_the_order_they_are_bound() {
    SqlStatement st = new SqlStatement();

    assertThat(st.bind("a")).isEqualTo("$1");
    assertThat(st.bind(7L)).isEqualTo("$2");
    assertThat(st.bind("a")).as("a value bound twice is two parameters").isEqualTo("$3");

    Tuple tuple = st.tuple();
    assertThat(tuple.size()).isEqualTo(3);
    assertThat(tuple.getValue(0)).isEqualTo("a");
    assertThat(tuple.getValue(1)).isEqualTo(7L);
    assertThat(tuple.getValue(2)).isEqualTo("a");
  }

  @Test
  void no_condition_makes_no_where_clause() {
    SqlStatement st = new SqlStatement();

    assertThat(st.where()).isEmpty();
    assertThat(st.tuple().size()).isZero();
  }

  @Test
  void conditions_are_joined_with_and_in_the_order_they_were_added() {
    UUID user = UUID.randomUUID();
    SqlStatement st = new SqlStatement().and("user_id = ", user).and("not internal");
    st.and("(occurred_at, id) < (" + st.bind("t") + ", " + st.bind(4L) + ")");

    assertThat(st.where())
        .isEqualTo(" where user_id = $1 and not internal and (occurred_at, id) < ($2, $3)");
    assertThat(st.tuple().getValue(0)).isEqualTo(user);
  }

  @Test
  void extra_conditions_apply_to_one_clause_only() {
    SqlStatement st = new SqlStatement().and("priority = ", "HIGH");

    assertThat(st.where("status = 'OPEN'")).isEqualTo(" where priority = $1 and status = 'OPEN'");
    assertThat(st.where("status = 'PENDING_CUSTOMER'"))
        .isEqualTo(" where priority = $1 and status = 'PENDING_CUSTOMER'");
    assertThat(st.where()).isEqualTo(" where priority = $1");
    assertThat(new SqlStatement().where("status in ('OPEN')"))
        .isEqualTo(" where status in ('OPEN')");
  }

  @Test
  void placeholders_bound_after_the_conditions_follow_them() {
    SqlStatement st = new SqlStatement().and("action = ", "ticket.create");

    String sql = "select id from audit_log" + st.where() + " limit " + st.bind(51L);

    assertThat(sql).isEqualTo("select id from audit_log where action = $1 limit $2");
    assertThat(st.tuple().getValue(1)).isEqualTo(51L);
  }
}
