package dev.triage.bootstrap.attachment;

import dev.triage.bootstrap.sweep.SweepsIT;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The attachment tests against the default store: the bytes in PostgreSQL. */
@QuarkusTest
@TestProfile(SweepsIT.MovableTime.class)
class AttachmentsIT extends AttachmentsContract {}
