package org.openvto.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;

/**
 * Quick Start Guide 4.2.7 in a real Chromium: the installer sets model VTO4202F-MB5, builds a column with a
 * five-button module, keyboard, card, fingerprint, display and indicator modules, is refused a 10th module and a
 * model that takes fewer, gives the five buttons their rooms — and after a reload and a process restart the
 * layout and keys are as saved.
 */
class FacadeLayoutBrowserIT {
    static final String PASSWORD = "Door#Bell42";
    static final String[] ROOMS = {"101", "102", "103", "104", "105"};

    @TempDir
    Path dir;

    @Test
    void installerBuildsAFiveButtonFacadeAndItSurvivesReloadAndRestart() throws Exception {
        Path data = dir.resolve("data");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        try (Browser chromium = new Browser()) {
            Page page = chromium.newPage(1280, 900);
            page.onDialog(Dialog::accept);
            try (VtoProcess vto = new VtoProcess(data, "FacadeLayoutBrowserIT-1").start()) {
                DigestClient api = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);
                for (String room : ROOMS) {
                    assertThat(api.send(
                                            vto.baseUrl(),
                                            "POST",
                                            "/api/v1/rooms",
                                            "{\"roomNo\":\"" + room + "\",\"firstName\":\"Resident " + room + "\"}")
                                    .statusCode())
                            .isEqualTo(201);
                }
                chromium.run("facade-layout", () -> {
                    login(page, vto);
                    buildTheLayout(page, vto);
                    page.reload();
                    verify(page);
                });
            }
            try (VtoProcess vto = new VtoProcess(data, "FacadeLayoutBrowserIT-2").start()) {
                chromium.run("facade-layout-after-restart", () -> {
                    login(page, vto);
                    page.navigate(vto.baseUrl() + "/console/local/facade");
                    verify(page);
                });
            }
        }
    }

    private static void buildTheLayout(Page page, VtoProcess vto) {
        page.navigate(vto.baseUrl() + "/console/local/facade");
        assertThat(page.locator("#module-0")).hasAttribute("data-kind", "camera");
        assertThat(page.locator("#module-1")).hasCount(0);

        page.selectOption("#model", "VTO4202F-MB5");
        page.click("#save-model");
        assertThat(page.locator(".notice")).containsText("Saved.");

        // several modules at once, in the list's order
        page.fill("#count-indicator", "1");
        page.fill("#count-button-5", "1");
        page.check("#add-keyboard");
        page.check("#add-card");
        page.check("#add-fingerprint");
        page.fill("#count-display", "1");
        page.click("#add-modules");
        assertThat(page.locator(".notice")).containsText("Saved.");
        assertKinds(page);
        assertThat(page.locator("#add-keyboard")).hasCount(0); // no second keyboard is offered
        assertThat(page.locator("#add-card")).hasCount(0);
        assertThat(page.locator("#add-fingerprint")).hasCount(0);

        // 6 added + 4 = 10: refused with the rule, nothing changes
        page.fill("#count-blank", "4");
        page.click("#add-modules");
        assertThat(page.locator("#error-summary"))
                .containsText("VTO4202F-MB5 takes at most 9 modules besides the camera module (10 placed)");
        assertKinds(page);

        // reorder: the display up one place, and back
        page.click("#module-6-up");
        assertThat(page.locator("#module-5")).hasAttribute("data-kind", "display");
        page.click("#module-5-down");
        assertThat(page.locator("#module-6")).hasAttribute("data-kind", "display");

        for (int k = 0; k < ROOMS.length; k++) {
            page.selectOption("#module-2-key-" + k, ROOMS[k]);
        }
        page.click("#module-2-save-keys");
        assertThat(page.locator(".notice")).containsText("Saved.");
        Browser.snapshot(page, "facade-layout");

        // a model that takes one module only is refused while six are placed
        page.selectOption("#model", "VTO4202F-P");
        page.click("#save-model");
        assertThat(page.locator("#error-summary"))
                .containsText("VTO4202F-P takes only one module besides the camera module (6 placed)");
        assertThat(page.locator("#model")).hasValue("VTO4202F-MB5");
    }

    private static void verify(Page page) {
        assertThat(page.locator("#model")).hasValue("VTO4202F-MB5");
        assertKinds(page);
        for (int k = 0; k < ROOMS.length; k++) {
            assertThat(page.locator("#module-2-key-" + k)).hasValue(ROOMS[k]);
            assertThat(page.locator("#module-2-key-" + k)).hasAttribute("data-state", "ASSIGNED");
        }
        assertThat(page.locator("#module-0-key-0")).hasAttribute("data-state", "UNASSIGNED");
    }

    private static void assertKinds(Page page) {
        String[] kinds = {"camera", "indicator", "button-5", "keyboard", "card", "fingerprint", "display"};
        for (int i = 0; i < kinds.length; i++) {
            assertThat(page.locator("#module-" + i)).hasAttribute("data-kind", kinds[i]);
        }
        assertThat(page.locator("#module-" + kinds.length)).hasCount(0);
    }

    private static void login(Page page, VtoProcess vto) {
        page.navigate(vto.baseUrl() + "/login");
        page.fill("#username", "admin");
        page.fill("#password", PASSWORD);
        page.click("#login");
        assertThat(page).hasURL(Pattern.compile(".*/$"));
    }
}
