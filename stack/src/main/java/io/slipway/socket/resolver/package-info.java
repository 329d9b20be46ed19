/**
 * The resolver: names to addresses and mail exchanges over DNS (RFC 1034 §5, RFC 1035 §7), part
 * of the socket library as in BSD (gethostbyname, res_query). A stub resolver: it asks the
 * configured servers to recurse, follows CNAME chains, caches answers and negative answers
 * (RFC 2308), and accepts a response only from the server asked, with the query's ID and
 * question (RFC 5452).
 */
package io.slipway.socket.resolver;
