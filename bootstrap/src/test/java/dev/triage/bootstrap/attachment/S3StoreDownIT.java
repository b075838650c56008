package dev.triage.bootstrap.attachment;

import static dev.triage.bootstrap.attachment.AttachmentsContract.PROBLEM;
import static dev.triage.bootstrap.attachment.AttachmentsContract.comment;
import static dev.triage.bootstrap.attachment.AttachmentsContract.download;
import static dev.triage.bootstrap.attachment.AttachmentsContract.png;
import static dev.triage.bootstrap.attachment.AttachmentsContract.token;
import static dev.triage.bootstrap.attachment.AttachmentsContract.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The S3-compatible attachment store goes away while the service runs: what needs it answers 503
 * with {@code Retry-After}, naming the store (not the database), and changes nothing. A store that
 * answers with errors is the same 503 (S3AttachmentStoreTest).
 */
@QuarkusTest
@TestProfile(S3StoreDownIT.OwnS3Server.class)
class S3StoreDownIT {

  /** A server of this class's own, since the test stops it. */
  public static class OwnS3Server implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(S3ProxyResource.class));
    }
  }

  S3ProxyResource server;

  @Test
  void without_its_store_redaction_download_and_upload_answer_503_and_change_nothing() {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    String ticket = Api.newTicket(customer.token());
    String file = token(agent, "screenshot.png", png(70_000));
    String comment =
        comment(agent, ticket, "Here is what I see", false, file)
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    server.kill();

    Api.as(Api.adminToken())
        .delete("/api/v1/tickets/" + ticket + "/comments/" + comment)
        .then()
        .statusCode(503)
        .contentType(PROBLEM)
        .header("Retry-After", notNullValue())
        .body("status", equalTo(503))
        .body("detail", containsString("attachment store"));
    customer
        .request()
        .get("/api/v1/tickets/" + ticket + "/comments")
        .then()
        .statusCode(200)
        .body("items[0].id", equalTo(comment))
        .body("items[0].body", equalTo("Here is what I see"))
        .body("items[0].attachments[0].erased", equalTo(false));

    download(customer, file)
        .then()
        .statusCode(503)
        .contentType(PROBLEM)
        .body("detail", containsString("attachment store"));
    upload(agent, "second.png", "image/png", png(10_000))
        .then()
        .statusCode(503)
        .contentType(PROBLEM)
        .header("Retry-After", notNullValue())
        .body("detail", containsString("attachment store"));
  }
}
