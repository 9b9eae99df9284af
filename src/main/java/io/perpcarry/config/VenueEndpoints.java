package io.perpcarry.config;

import java.net.URI;
import java.util.Optional;

/** Where one venue is reached, and the account used there if credentials are configured. */
public record VenueEndpoints<C>(URI baseUrl, URI wsUrl, Optional<C> credentials) {
}
