package dev.triage.adapters.out.persistence;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.PoolOptions;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Produces the {@link ReadReplica} pool (ADR 0012). With {@code triage.db.read.url} set ({@code
 * TRIAGE_DB_READ_URL}, a {@code postgresql://host:port/db} URI like {@code TRIAGE_DB_URL}), it is a
 * pool of its own on that standby, with the primary's user and password unless {@code
 * triage.db.read.username} / {@code password} say otherwise. Without it, it is the primary pool
 * itself and no second pool exists.
 *
 * <p>The standby is not part of readiness: a replica whose standby is down keeps taking commands,
 * and only the reads routed here fail (503, as for an unreachable database) until it is back. The
 * wellness check {@link ReadReplicaHealth} shows its state.
 */
@Singleton
public class ReadReplicaPool {

  private static final Logger LOG = Logger.getLogger(ReadReplicaPool.class);

  private final Optional<String> url;
  private final Optional<String> username;
  private final Optional<String> password;
  private final int maxSize;
  private final SslMode sslMode;
  private volatile Pool own;

  public ReadReplicaPool(
      @ConfigProperty(name = "triage.db.read.url") Optional<String> url,
      @ConfigProperty(name = "triage.db.read.username") Optional<String> username,
      @ConfigProperty(name = "triage.db.read.password") Optional<String> password,
      @ConfigProperty(name = "triage.db.read.max-size", defaultValue = "20") int maxSize,
      @ConfigProperty(
              name = "quarkus.datasource.reactive.postgresql.ssl-mode",
              defaultValue = "disable")
          SslMode sslMode) {
    this.url = url.map(String::strip).filter(u -> !u.isEmpty());
    this.sslMode = sslMode;
    this.username = username;
    this.password = password;
    this.maxSize = maxSize;
  }

  /** Whether reads go to a standby of their own rather than to the primary. */
  public boolean configured() {
    return url.isPresent();
  }

  @Produces
  @ReadReplica
  @Singleton
  Pool readPool(Pool primary, Vertx vertx) {
    if (url.isEmpty()) {
      return primary;
    }
    PgConnectOptions connect = PgConnectOptions.fromUri(url.get());
    username.ifPresent(connect::setUser);
    password.ifPresent(connect::setPassword);
    connect.setCachePreparedStatements(true);
    connect.setPreparedStatementCacheSqlLimit(LeasingPoolCreator.STATEMENT_CACHE_SQL_LIMIT);
    if (!url.get().contains("sslmode=")) {
      connect.setSslMode(sslMode); // the primary's TLS setting, unless the URL says otherwise
    }
    if (connect.getSslMode() == SslMode.ALLOW
        || connect.getSslMode() == SslMode.PREFER
        || connect.getSslMode() == SslMode.REQUIRE) {
      // libpq's meaning: encrypted, certificate not checked (verify-ca / verify-full check it).
      connect.setTrustAll(true);
    }
    connect.addProperty("application_name", "triage-read");
    // Its own metrics beside the primary's: read_replica_* and sql_pool_*{pool_name=...}.
    connect.setMetricsName("read-replica");
    PoolOptions options = new PoolOptions().setMaxSize(maxSize).setName("triage-read-replica");
    // One-shot queries on a leased connection, as on the primary (LeasingPoolCreator).
    own =
        Pool.newInstance(
            LeasingPoolCreator.leasing(
                PgBuilder.pool()
                    .with(options)
                    .connectingTo(connect)
                    .using(vertx.getDelegate())
                    .build()));
    LOG.infof(
        "Lists, search, dashboard, timelines, audit log and inboxes read from the standby at %s:%d",
        connect.getHost(), connect.getPort());
    return own;
  }

  void close(@Disposes @ReadReplica Pool pool) {
    if (pool == own) {
      pool.closeAndForget();
    }
  }
}
