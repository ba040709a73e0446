/**
 * The main interface with its configuration checklist (Quick Start Guide 4.1 step 2), and the menu pages whose feature this firmware does not have yet. Part of the console; depends only on the shared plumbing of {@code org.openvto.web.internal} (checked by
 * {@code ArchitectureTest}).
 */
package org.openvto.web.internal.home;
