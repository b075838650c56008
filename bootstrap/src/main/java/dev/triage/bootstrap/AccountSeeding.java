package dev.triage.bootstrap;

import dev.triage.application.bus.Bus;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.UserView;
import dev.triage.application.identity.users.CreateUser;
import dev.triage.application.port.Accounts;
import dev.triage.application.port.UnitOfWork;
import dev.triage.application.ticket.create.CreateTicket;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Caller;
import dev.triage.domain.user.Email;
import dev.triage.domain.user.Role;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * At start-up: makes sure the configured first admin exists (idempotent, and safe when several
 * replicas start at once: the unique email decides); on a first start with no admin configured and
 * none in the database, creates {@value #INITIAL_ADMIN} with a random password written once to a
 * file only the service's user may read, as GitLab does with its first root password; in demo mode
 * seeds a small team and a few tickets, printing their credentials.
 */
@ApplicationScoped
public class AccountSeeding {

  private static final Logger LOG = Logger.getLogger(AccountSeeding.class);

  /** The demo accounts; their password is printed in the log and the README. */
  static final String DEMO_PASSWORD = "triage-demo-password";

  private static final List<CreateUser> DEMO_TEAM =
      List.of(
          new CreateUser("admin@demo.triage", "Ada Admin", DEMO_PASSWORD, Role.ADMIN),
          new CreateUser("agent1@demo.triage", "Alan Agent", DEMO_PASSWORD, Role.AGENT),
          new CreateUser("agent2@demo.triage", "Grace Agent", DEMO_PASSWORD, Role.AGENT),
          new CreateUser("customer1@demo.triage", "Carl Customer", DEMO_PASSWORD, Role.CUSTOMER),
          new CreateUser("customer2@demo.triage", "Cleo Customer", DEMO_PASSWORD, Role.CUSTOMER));

  /** The admin a first start creates when none is configured. */
  static final String INITIAL_ADMIN = "admin@triage.local";

  void onStart(
      @Observes StartupEvent event,
      Bus bus,
      Accounts accounts,
      UnitOfWork unitOfWork,
      @ConfigProperty(name = "triage.admin.email") Optional<String> adminEmail,
      @ConfigProperty(name = "triage.admin.password") Optional<String> adminPassword,
      @ConfigProperty(name = "triage.admin.initial-password-file") Path initialPasswordFile,
      @ConfigProperty(name = "triage.demo", defaultValue = "false") boolean demo)
      throws Throwable {
    RequestContext system = RequestContext.of(Caller.person(Actor.system()), "startup", "");
    if (adminEmail.isEmpty() && adminPassword.isEmpty() && !demo) {
      boolean anyAdmin =
          VertxContextSupport.subscribeAndAwait(
              () -> unitOfWork.readOnly(accounts::anyActiveAdmin));
      if (!anyAdmin) {
        createInitialAdmin(bus, system, initialPasswordFile);
      }
    }
    if (adminEmail.isPresent()
        && adminPassword.isPresent()
        && exists(accounts, unitOfWork, adminEmail.get())) {
      // Known already: no command, so no password is hashed for nothing on every start.
      LOG.infof("The first admin %s exists already", adminEmail.get());
    } else if (adminEmail.isPresent() && adminPassword.isPresent()) {
      Result<UserView> result =
          send(
              bus,
              new CreateUser(adminEmail.get(), "Administrator", adminPassword.get(), Role.ADMIN),
              system);
      switch (result) {
        case Result.Ok<UserView> ok -> LOG.infof("Created the first admin %s", ok.value().email());
        case Result.Err<UserView> err when err.code() == ErrorCode.CONFLICT ->
            LOG.infof("The first admin %s exists already", adminEmail.get());
        case Result.Err<UserView> err ->
            throw new IllegalStateException("The first admin cannot be created: " + err.message());
      }
    }
    if (demo) {
      seedDemo(bus, system);
    }
  }

  /** Whether an account with this e-mail exists; false for a text that is no e-mail at all. */
  private static boolean exists(Accounts accounts, UnitOfWork unitOfWork, String email)
      throws Throwable {
    if (!(Email.of(email) instanceof Result.Ok<Email> valid)) {
      return false; // the command below refuses it with its own message
    }
    return VertxContextSupport.subscribeAndAwait(
        () -> unitOfWork.readOnly(() -> accounts.byEmail(valid.value()).map(Optional::isPresent)));
  }

  /**
   * Creates {@link #INITIAL_ADMIN} with the password in {@code file}, writing a random one there
   * first (readable and writable by the owner only) unless an earlier start already did.
   */
  private static void createInitialAdmin(Bus bus, RequestContext system, Path file)
      throws Throwable {
    String password = InitialPassword.readOrCreate(file);
    Result<UserView> result =
        send(bus, new CreateUser(INITIAL_ADMIN, "Administrator", password, Role.ADMIN), system);
    switch (result) {
      case Result.Ok<UserView> ok ->
          LOG.warnf(
              "No admin account existed, so %s was created. Its password is in %s (readable by"
                  + " this user only). Sign in with it, create your own admin, then deactivate"
                  + " %s and delete the file.",
              INITIAL_ADMIN, file.toAbsolutePath(), INITIAL_ADMIN);
      case Result.Err<UserView> err when err.code() == ErrorCode.CONFLICT ->
          LOG.infof(
              "The first admin %s exists already (inactive or created meanwhile)", INITIAL_ADMIN);
      case Result.Err<UserView> err ->
          throw new IllegalStateException("The first admin cannot be created: " + err.message());
    }
  }

  private void seedDemo(Bus bus, RequestContext system) throws Throwable {
    StringBuilder credentials =
        new StringBuilder("Demo mode: these accounts exist (password ")
            .append(DEMO_PASSWORD)
            .append("):");
    boolean fresh = false;
    for (CreateUser user : DEMO_TEAM) {
      Result<UserView> result = send(bus, user, system);
      credentials.append("\n  ").append(user.role()).append(' ').append(user.email());
      if (result instanceof Result.Ok<UserView> ok && user.role() == Role.CUSTOMER) {
        fresh = true;
        RequestContext customer =
            RequestContext.of(Caller.person(Actor.of(ok.value().id(), Role.CUSTOMER)), "demo", "");
        send(
            bus,
            new CreateTicket(
                "Cannot log in to the billing portal",
                "Since this morning the portal says my password expired.",
                Priority.HIGH,
                "billing",
                List.of("login")),
            customer);
        send(
            bus,
            new CreateTicket(
                "Invoice shows the wrong address",
                "The November invoice still has our old office address.",
                Priority.LOW,
                "billing",
                List.of()),
            customer);
      }
    }
    LOG.info(credentials);
    if (fresh) {
      LOG.info("Demo mode: seeded two tickets for each demo customer.");
    }
  }

  private static <R> Result<R> send(
      Bus bus, dev.triage.application.bus.Request<R> request, RequestContext context)
      throws Throwable {
    return VertxContextSupport.subscribeAndAwait(() -> bus.send(request, context));
  }
}
