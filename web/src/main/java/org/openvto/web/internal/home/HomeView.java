package org.openvto.web.internal.home;

import org.openvto.household.SetupProgress;

/** What the template {@code console/home.jte} shows: the main interface. */
public record HomeView(SetupProgress progress) {}
