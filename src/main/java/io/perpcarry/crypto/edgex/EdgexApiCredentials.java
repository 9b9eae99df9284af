package io.perpcarry.crypto.edgex;

/**
 * The HMAC credentials of an EdgeX v2 API key. {@link #toString()} redacts all three values, so a
 * credentials object can end up in a log line without leaking anything.
 */
public record EdgexApiCredentials(String apiKey, String passphrase, String apiSecret) {

    public EdgexApiCredentials {
        EdgexSigningException.require(apiKey, "apiKey");
        EdgexSigningException.require(passphrase, "passphrase");
        EdgexSigningException.require(apiSecret, "apiSecret");
        // The SDK would sign with an empty secret; an HMAC keyed by "" authenticates nothing.
        if (apiSecret.isEmpty()) {
            throw EdgexSigningException.invalidArgument("apiSecret must not be empty");
        }
    }

    @Override
    public String toString() {
        return "EdgexApiCredentials[apiKey=***, passphrase=***, apiSecret=***]";
    }
}
