/**
 * Delivery to the management centre (Quick Start Guide 1.2 "alarm information can be sent to the Management
 * Center") through a persistent outbox: a message is stored before anything is sent, sent to each destination in
 * order, retried with back-off until it is delivered, and survives a restart and a {@code kill -9}. The
 * destinations themselves (SIP MESSAGE to 888888, an HTTP webhook, remote syslog) implement {@link
 * org.openvto.centre.CentreDestination} outside the domain. Domain layer.
 */
package org.openvto.centre;
