package org.openvto.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version and build date stamped into the jar by Maven. */
record BuildInfo(String version, String date) {
    static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/openvto/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall back to the defaults below
        }
        return new BuildInfo(p.getProperty("version", "dev"), p.getProperty("date", "unknown"));
    }
}
