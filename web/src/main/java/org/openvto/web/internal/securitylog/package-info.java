/**
 * Records › Security Log (guide appendix "Secure Auditing"): the page and {@code /api/v1/security-log}, filtered by time range and type ({@code LogQuery}), times in the VTO's zone. Part of the console; depends only on the shared plumbing of {@code org.openvto.web.internal} (checked by
 * {@code ArchitectureTest}).
 */
package org.openvto.web.internal.securitylog;
