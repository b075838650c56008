package dev.triage.adapters.out.persistence;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks the reactive pool for reads that may lag behind the last commit: the PostgreSQL standby
 * named by {@code TRIAGE_DB_READ_URL}, or the primary pool itself when none is set ({@link
 * ReadReplicaPool}, ADR 0012). Inject it only where an answer a moment old is acceptable: lists,
 * search, the dashboard, timelines, the audit log and inboxes, never a command or a read that must
 * see the caller's own write.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({METHOD, FIELD, PARAMETER, TYPE})
public @interface ReadReplica {}
