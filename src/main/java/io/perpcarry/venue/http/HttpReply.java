package io.perpcarry.venue.http;

/** A venue's HTTP answer: status and body as received. */
public record HttpReply(int status, String body, String retryAfter) {
    public boolean isOk() {
        return status >= 200 && status < 300;
    }
}
