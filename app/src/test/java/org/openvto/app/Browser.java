package org.openvto.app;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium ({@code /usr/bin/chromium}, headless) driven by Playwright for Java. No browser
 * is downloaded. {@link #run} saves a screenshot of every open page under {@code target/screenshots}
 * when the test body fails.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private final Playwright playwright;
    final com.microsoft.playwright.Browser browser;

    Browser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("/usr/bin/chromium is missing: run the suite with scripts/test.sh, "
                    + "which installs Debian's chromium package");
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    Page newPage(int width, int height) {
        return browser.newContext(new NewContextOptions().setViewportSize(width, height))
                .newPage();
    }

    interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body}; on failure screenshots every page to {@code target/screenshots/<name>-<n>.png}. */
    void run(String name, Body body) throws Exception {
        try {
            body.run();
        } catch (Exception | AssertionError e) {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            int n = 0;
            for (var context : browser.contexts()) {
                for (Page page : context.pages()) {
                    page.screenshot(new Page.ScreenshotOptions()
                            .setPath(dir.resolve(name + "-" + n++ + ".png"))
                            .setFullPage(true));
                }
            }
            throw e;
        }
    }

    /** Keeps a picture of what the user saw, for reviewers ({@code target/screenshots/<name>.png}). */
    static void snapshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", name + ".png"))
                .setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
