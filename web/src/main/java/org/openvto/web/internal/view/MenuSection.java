package org.openvto.web.internal.view;

import java.util.List;

/** A top-level menu group (Local Setting, Household Setting, …). */
public record MenuSection(String title, List<MenuItem> items) {}
