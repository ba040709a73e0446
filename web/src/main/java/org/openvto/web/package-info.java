/**
 * The web module's public API for the composition root: {@link org.openvto.web.WebServer}, the HTTP listener
 * of the console, REST API, {@code /healthz} and {@code /metrics} on Javalin (Jetty 12, virtual threads),
 * bound only to {@link org.openvto.web.HttpConfig#bindAddress()}; {@link org.openvto.web.WebServices}, the
 * domain services it is handed; {@link org.openvto.web.WebSessions}, the server-side console sessions that
 * outlive a web-server restart; and {@link org.openvto.web.HostAddresses}. The JSON form of the installer
 * configuration comes from the {@code backup} module. Presentation layer: it uses the domain, {@code backup},
 * {@code common} and the {@code digest} library, and must not depend on storage, Jdbi or JDBC (checked by
 * {@code ArchitectureTest}).
 */
package org.openvto.web;
