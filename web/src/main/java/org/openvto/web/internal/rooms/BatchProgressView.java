package org.openvto.web.internal.rooms;

/** What the template {@code console/household/batch.jte} shows: the progress of Add in Batch. */
public record BatchProgressView(String jobId, int done, int total, boolean finished, String summary) {}
