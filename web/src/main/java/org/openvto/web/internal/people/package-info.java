/**
 * Household Setting › People: the page and {@code /api/v1/people} (residents with cards, PINs, fingerprints and
 * schedules; report loss; fingerprint enrolment from the module; CSV import). Part of the console; depends only on
 * the shared plumbing of {@code org.openvto.web.internal}.
 */
package org.openvto.web.internal.people;
