package org.openvto.web.internal.view;

/** One entry of the console menu. */
public record MenuItem(String label, String path) {}
