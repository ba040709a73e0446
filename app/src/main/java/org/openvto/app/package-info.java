/**
 * The application: the {@code openvto} command line ({@code Main}: {@code run}, {@code init};
 * {@code ConfigCommand}: {@code config export|import}), the merged configuration (defaults file, user file,
 * environment, {@code --port-offset} in {@code ConfigTree}, validated into {@code OpenVtoConfig} and the SIP
 * module's {@code SipConfig}), the locked data directory with its device key ({@code DataDirectory}) and the SIP TLS
 * certificate ({@code SipTlsIdentity}), and {@code Vto}, the hand-written composition root that starts every
 * component in dependency order and closes them in reverse. Its supervisors restart services in-process on
 * {@code config/*} events and reboot (the lifecycle is {@code org.openvto.app.supervision}'s; each supervisor only
 * builds its server): {@code WebSupervisor} the web server, {@code SipSupervisor} the building SIP server
 * (run only while this VTO is the SIP server with System Type TCP/IP, with the household's accounts and
 * registration status), and {@code SipSecurityEvents} moves SIP locks and bans to the security log off the SIP
 * thread. The top of the layering: it may depend on every module, and nothing depends on it.
 */
package org.openvto.app;
