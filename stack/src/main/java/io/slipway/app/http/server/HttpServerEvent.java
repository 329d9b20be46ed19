package io.slipway.app.http.server;

/** What an {@link HttpServer} counts. */
public enum HttpServerEvent {
    CONNECTIONS,
    REQUESTS,
    RESPONSES_2XX,
    RESPONSES_3XX,
    RESPONSES_4XX,
    RESPONSES_5XX,
    /** Body bytes sent (headers not counted). */
    BODY_BYTES,
    /** Connections closed because a client was too slow to send a request or to read a response. */
    TIMEOUTS,
    /** Connections dropped because serving them threw (a bug): the server goes on with the others. */
    INTERNAL_ERRORS
}
