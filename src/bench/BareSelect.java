import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * The floor under a ticket read: an HTTP server that answers {@code GET /tickets/{id}} with one
 * prepared {@code select * from tickets where id = $1} and the row as JSON, with no
 * authentication, no mapping and no framework beyond Vert.x and its PostgreSQL client (the same
 * ones the service runs on). 404 for an unknown id, 400 for an id that is not a UUID.
 *
 * <p>Run it with the service's own jars and the source launcher:
 *
 * <pre>
 * java -cp "quarkus-app/lib/main/*" src/bench/BareSelect.java PORT PGHOST PGPORT DB USER PASSWORD [POOL]
 * </pre>
 *
 * It prints "listening on PORT" once it serves. One event loop per core, one HTTP server
 * instance per event loop, one pool (POOL connections, default 20) spread over the event loops.
 */
public final class BareSelect {

  private static final String SQL = "select * from tickets where id = $1";
  private static final String PREFIX = "/tickets/";

  public static void main(String[] args) {
    if (args.length < 6) {
      System.err.println("usage: BareSelect PORT PGHOST PGPORT DB USER PASSWORD [POOL]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    int loops = Runtime.getRuntime().availableProcessors();
    int poolSize = args.length > 6 ? Integer.parseInt(args[6]) : 20;
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
    PgConnectOptions connect =
        new PgConnectOptions()
            .setHost(args[1])
            .setPort(Integer.parseInt(args[2]))
            .setDatabase(args[3])
            .setUser(args[4])
            .setPassword(args[5])
            .setCachePreparedStatements(true);
    Pool pool =
        PgBuilder.pool()
            .with(new PoolOptions().setMaxSize(poolSize).setEventLoopSize(loops))
            .connectingTo(connect)
            .using(vertx)
            .build();
    vertx
        .deployVerticle(() -> new Server(pool, port), new DeploymentOptions().setInstances(loops))
        .onSuccess(id -> System.out.println("listening on " + port))
        .onFailure(
            e -> {
              e.printStackTrace();
              System.exit(1);
            });
  }

  private static final class Server extends AbstractVerticle {
    private final Pool pool;
    private final int port;

    Server(Pool pool, int port) {
      this.pool = pool;
      this.port = port;
    }

    @Override
    public void start(io.vertx.core.Promise<Void> started) {
      vertx
          .createHttpServer()
          .requestHandler(this::handle)
          .listen(port, "127.0.0.1")
          .<Void>mapEmpty()
          .onComplete(started);
    }

    private void handle(HttpServerRequest request) {
      String path = request.path();
      if (!path.startsWith(PREFIX)) {
        request.response().setStatusCode(404).end();
        return;
      }
      UUID id;
      try {
        id = UUID.fromString(path.substring(PREFIX.length()));
      } catch (IllegalArgumentException e) {
        request.response().setStatusCode(400).end();
        return;
      }
      pool.preparedQuery(SQL)
          .execute(Tuple.of(id))
          .onSuccess(
              rows -> {
                RowIterator<Row> it = rows.iterator();
                if (!it.hasNext()) {
                  request.response().setStatusCode(404).end();
                  return;
                }
                request
                    .response()
                    .putHeader("Content-Type", "application/json")
                    .end(it.next().toJson().encode());
              })
          .onFailure(
              e -> request.response().setStatusCode(500).end(String.valueOf(e.getMessage())));
    }
  }
}
