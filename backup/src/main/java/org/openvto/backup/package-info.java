/**
 * The installer configuration as JSON: {@link org.openvto.backup.ConfigurationFile} writes an
 * {@link org.openvto.household.InstallationSnapshot} (device properties, TCP/IP, SIP server, the VTO and room
 * lists with their passwords) and reads one back — every type error named by its field, nothing applied unless
 * the whole file is valid. It is the format of the REST API bodies, of backup/restore on the console and of
 * {@code openvto config export|import}, so the console, the API and the CLI share it. Depends on the domain and
 * Jackson only.
 */
package org.openvto.backup;
