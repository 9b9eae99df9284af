/**
 * The EdgeX (API v2) venue emulator's wire layer: REST, WebSockets and the emulator controls on one
 * loopback port, in front of the shared {@link io.perpcarry.emulator.engine.MarketEngine}.
 *
 * <ul>
 *   <li>{@link io.perpcarry.emulator.edgex.EdgexEmulator}: start/stop, URLs; built from the engine,
 *       a wall clock (HMAC timestamps), the {@link io.perpcarry.emulator.FaultPlan}, the
 *       {@link io.perpcarry.emulator.RequestLog} and the registered accounts.</li>
 *   <li>{@code EdgexRest}: mounting, request log, faults, the envelope. {@code EdgexAuth}: HMAC
 *       headers. {@code EdgexOrderCheck}: EIP-712 signer recovery, L2 fields, steps and price band.</li>
 *   <li>{@code EdgexPublicHandlers}, {@code EdgexAccountHandlers}, {@code EdgexOrderHandlers}: the
 *       endpoints; {@code EdgexMarketViews}, {@code EdgexAccountViews}, {@code EdgexOrderViews}: the
 *       venue's object shapes.</li>
 *   <li>{@code EdgexStreams}, {@code EdgexPublicSession}, {@code EdgexPrivateSession},
 *       {@code EdgexPushes}, {@code EdgexQuoteChannels}: the WebSockets.</li>
 * </ul>
 *
 * <p>Error codes: EdgeX publishes no list, so apart from {@code INVALID_CONTRACT_ID} the codes are
 * the emulator's ({@link io.perpcarry.emulator.edgex.EdgexError.Codes}). HTTP status: 200 for
 * business refusals, 400 for malformed requests, 401 for failed authentication, 404 for unknown
 * paths; always with the envelope. Planned faults may answer 429 (envelope), 5xx (a gateway page),
 * a truncated body, or nothing.
 */
package io.perpcarry.emulator.edgex;
