/**
 * The routes and controllers behind {@link org.openvto.web.WebServer}: the single authentication gate
 * {@code WebAuth} (Device Init gating, sessions, HTTP Digest, a pause after every failed attempt, same-origin
 * check), Device Init ({@code InitController}, {@code PendingInits}; Quick Start Guide 4.2.1), Login and
 * logout, the console pages and installer pages ({@code InstallationPages}, with "Add in batch" progress in
 * {@code BatchJobs}; Quick Start Guide 4.2.2–4.2.6 and backup/restore), the REST API ({@code ApiController},
 * {@code InstallationApi}, {@code Json}), health and metrics, static files and the precompiled jte templates
 * ({@code Pages}). Only the web feature may use this package (checked by {@code ArchitectureTest}); like the
 * rest of the web module it must not depend on storage, Jdbi or JDBC.
 */
package org.openvto.web.internal;
