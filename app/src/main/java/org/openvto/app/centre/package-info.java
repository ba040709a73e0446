/**
 * The management centre's SIP destination: {@link org.openvto.app.centre.SipCentreDestination} sends the outbox's
 * messages as SIP {@code MESSAGE} requests (RFC 3428) to the centre number's registrations in the building
 * registrar, through the running SIP server's user agent. It lives in the application because it joins three
 * modules that do not know each other: the domain's {@code CentreDestination} contract, the household's numbering
 * (the VTO's own number and SIP domain) and the SIP stack. The other destinations (webhook, syslog) need no SIP and
 * are in the {@code centre} module.
 */
package org.openvto.app.centre;
