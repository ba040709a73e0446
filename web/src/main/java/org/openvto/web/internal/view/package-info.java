/**
 * The view models handed to the jte templates of the console: the page
 * {@link org.openvto.web.internal.view.Frame} (device facts, user, menu, title), the menu tree of the device's
 * web interface ({@link org.openvto.web.internal.view.Menu},
 * {@link org.openvto.web.internal.view.MenuSection}, {@link org.openvto.web.internal.view.MenuItem}; entries
 * whose feature is not built yet lead to a page saying so), form validation messages
 * ({@link org.openvto.web.internal.view.FormErrors}) and one-line
 * {@link org.openvto.web.internal.view.Notice}s. Plain immutable data for rendering: it depends only on domain
 * value types and {@code common}, and is used only inside the web module.
 */
package org.openvto.web.internal.view;
