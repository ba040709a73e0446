/**
 * {@code /healthz} (readiness: storage answers) and {@code /metrics} (Prometheus text format). Part of the console; depends only on the shared plumbing of {@code org.openvto.web.internal} (checked by
 * {@code ArchitectureTest}).
 */
package org.openvto.web.internal.health;
