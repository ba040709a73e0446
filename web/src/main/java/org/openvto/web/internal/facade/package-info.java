/**
 * Local Setting › Basic › Façade Layout (Quick Start Guide 4.2.7): the page that draws the modules in cascade order
 * on their mounting and edits model, modules and call keys, and {@code /api/v1/facade}. Part of the console;
 * depends only on the shared plumbing of {@code org.openvto.web.internal} (checked by {@code ArchitectureTest}).
 */
package org.openvto.web.internal.facade;
