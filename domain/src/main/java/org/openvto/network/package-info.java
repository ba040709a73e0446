/**
 * Network settings as the installer enters them: Network Setting › Basic, the TCP/IP address, mask, gateway,
 * DNS and service ports ({@link org.openvto.network.NetworkSettings}, Quick Start Guide 4.2.3, with factory
 * values from the configuration file in {@link org.openvto.network.NetworkDefaults}), and Network Setting ›
 * SIP Server ({@link org.openvto.network.SipServerSettings} with {@link org.openvto.network.ServerType} VTO or
 * Express/DSS and its default port, Quick Start Guide 4.2.4, Table 4-1), plus the dotted-quad parsing of
 * {@link org.openvto.network.Ipv4}. These are plain values: the rules across them live in
 * {@code org.openvto.household}. Domain layer: it must not import web, storage, the app module, JDBC, Jdbi,
 * Netty or Javalin (checked by {@code ArchitectureTest}).
 */
package org.openvto.network;
