/**
 * The routes behind {@link org.openvto.web.WebServer} and the plumbing every console area shares: the single
 * authentication gate {@code WebAuth} (Device Init gating, sessions, HTTP Digest, a pause after every failed
 * attempt, the same-origin check of {@code SameOrigin}), {@code WebRoutes} (wires each area with only the
 * services it uses), {@code Pages} (precompiled jte templates, each given its frame and one typed view record),
 * {@code Saved} (post/redirect/get and the success banners), {@code ApiResults} and {@code Json} (the REST
 * answers, errors always of one shape), {@code Form}, {@code RestartPage}, {@code Registrations} and static
 * files. Each console area is a subpackage with its page, REST resource and view records. Only the web feature
 * may use this package (checked by {@code ArchitectureTest}); like the rest of the web module it must not depend
 * on storage, Jdbi or JDBC.
 */
package org.openvto.web.internal;
