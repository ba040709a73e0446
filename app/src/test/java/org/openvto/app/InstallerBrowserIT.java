package org.openvto.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quick Start Guide 4.1 step 1–2 as an installer does it in a real Chromium: VTO No., System Type, SIP
 * server, VTO list, rooms with extensions, batch add, modify, delete, refresh — and everything is still there
 * after a browser reload and after a process restart.
 */
class InstallerBrowserIT {
    static final String PASSWORD = "Door#Bell42";

    @TempDir
    Path dir;

    @Test
    void installerConfiguresTheBuildingAndItSurvivesReloadAndRestart() throws Exception {
        Path data = dir.resolve("data");
        assertThat(VtoProcess.cli("init", "--data-dir", data.toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        try (Browser chromium = new Browser()) {
            Page page = chromium.newPage(1280, 900);
            page.onDialog(Dialog::accept);
            try (VtoProcess vto = new VtoProcess(data, "InstallerBrowserIT-1").start()) {
                chromium.run("installer", () -> {
                    login(page, vto);
                    configure(page, vto);
                    page.reload();
                    verifyRooms(page, vto);
                    verifyEverything(page, vto);
                });
            }
            try (VtoProcess vto = new VtoProcess(data, "InstallerBrowserIT-2").start()) {
                chromium.run("installer-after-restart", () -> {
                    login(page, vto);
                    verifyEverything(page, vto);
                    verifyRooms(page, vto);
                });
            }
        }
    }

    private static void configure(Page page, VtoProcess vto) {
        // 4.2.2 / 4.2.4 step 4: VTO No. and System Type.
        page.navigate(vto.baseUrl() + "/console/local/basic");
        assertThat(page.locator("#connection-problem")).containsText("System Type is Analog");
        page.fill("#vtoNumber", "123456");
        page.click("#save");
        assertThat(page.locator(".field-error[data-field=vtoNumber]")).hasText("VTO No. must be 1 to 5 digits");
        page.fill("#vtoNumber", "8001");
        page.selectOption("#systemType", "TCP/IP");
        page.click("#save");
        assertThat(page.locator("#notice")).hasText("Saved.");
        assertThat(page.locator("#connection-problem")).hasCount(0);

        // 4.2.4: this VTO is the SIP server.
        page.navigate(vto.baseUrl() + "/console/network/sip");
        page.check("#sip-enabled");
        page.selectOption("#sip-type", "VTO");
        assertThat(page.locator("#sip-port")).hasValue("5060");
        assertThat(page.locator("#sip-domain")).hasValue("VDP");
        Browser.snapshot(page, "sip-server");
        page.click("#save");
        assertThat(page.locator("#notice")).containsText("Saved.");
        page.navigate(vto.baseUrl() + "/console/local/basic");
        assertThat(page.locator("#vtoNumber")).hasAttribute("readonly", "");
        assertThat(page.locator("#buildingNo")).hasCount(0);

        // 4.2.5: VTO list, including the SIP server itself.
        page.navigate(vto.baseUrl() + "/console/household/vto");
        assertThat(page.locator("#vto-warning")).containsText("is the SIP server but is not in the list");
        addVto(page, "8001", "192.168.1.108");
        addVto(page, "8002", "192.168.1.109");
        assertThat(page.locator("#vto-warning")).hasCount(0);
        addVto(page, "8002", "192.168.1.110");
        assertThat(page.locator(".field-error[data-field=recNo]")).hasText("Rec No. 8002 is already in the list");

        // 4.2.6: room 101 with master and two extensions; bad numbers are refused.
        page.navigate(vto.baseUrl() + "/console/household/rooms");
        addRoom(page, "101#1", "Early");
        assertThat(page.locator(".field-error[data-field=roomNo]")).containsText("Add the master VTH 101#0");
        addRoom(page, "1234567", "Seven");
        assertThat(page.locator(".field-error[data-field=roomNo]")).containsText("1 to 6 letters or digits");
        addRoom(page, "8002", "Clash");
        assertThat(page.locator(".field-error[data-field=roomNo]")).containsText("is already a VTO number");
        addRoom(page, "101", "Alice");
        addRoom(page, "101#1", "Alice kitchen");
        addRoom(page, "101#2", "Alice bedroom");
        assertThat(page.locator("#room-count")).containsText("3 devices");

        // Add in batch: 5 layers x 4 rooms from 101 / 201.
        page.fill("#layers", "5");
        page.fill("#roomsPerLayer", "4");
        page.fill("#firstFloorNo", "101");
        page.fill("#secondFloorNo", "201");
        page.click("#batch-add");
        assertThat(page.locator("#batch-state")).hasText("19 rooms added, 1 already existed and were kept.");
        page.click("#batch-done");
        assertThat(page.locator("#room-count")).containsText("22 devices");

        // Modify one room, delete one, refresh.
        page.click("tr[data-room-no='102#0'] a.modify");
        page.fill("#nickName", "Bob");
        page.click("#room-save");
        assertThat(page.locator("tr[data-room-no='102#0']")).containsText("Bob");
        page.click("tr[data-room-no='104#0'] button:has-text('Delete')");
        assertThat(page.locator("#room-count")).containsText("21 devices");
        assertThat(page.locator("tr[data-room-no='104#0']")).hasCount(0);
        page.click("#refresh");
        assertThat(page.locator("tr[data-room-no='101#0'] td.status")).hasText("Offline");
        Browser.snapshot(page, "room-management");
    }

    private static void verifyRooms(Page page, VtoProcess vto) {
        page.navigate(vto.baseUrl() + "/console/household/rooms");
        assertThat(page.locator("#room-count")).containsText("21 devices");
        assertThat(page.locator("tr[data-room-no='101#2']")).containsText("Alice bedroom");
        assertThat(page.locator("tr[data-room-no='102#0']")).containsText("Bob");
        assertThat(page.locator("tr[data-room-no='104#0']")).hasCount(0);
        page.fill("#room-search", "504");
        page.press("#room-search", "Enter");
        assertThat(page.locator("#room-list tbody tr")).hasCount(1);
        assertThat(page.locator("tr[data-room-no='504#0']")).isVisible();
    }

    private static void verifyEverything(Page page, VtoProcess vto) {
        page.navigate(vto.baseUrl() + "/console/local/basic");
        assertThat(page.locator("#vtoNumber")).hasValue("8001");
        assertThat(page.locator("#systemType")).hasValue("TCP/IP");
        page.navigate(vto.baseUrl() + "/console/network/sip");
        assertThat(page.locator("#sip-enabled")).isChecked();
        assertThat(page.locator("#sip-type")).hasValue("VTO");
        page.navigate(vto.baseUrl() + "/console/household/vto");
        assertThat(page.locator("#vto-list tbody tr")).hasCount(2);
        assertThat(page.locator("tr[data-rec-no='8002']")).containsText("192.168.1.109");
    }

    private static void addVto(Page page, String recNo, String ip) {
        page.fill("#recNo", recNo);
        page.fill("#ipAddress", ip);
        page.click("#vto-save");
        page.waitForLoadState();
    }

    private static void addRoom(Page page, String roomNo, String firstName) {
        page.fill("#roomNo", roomNo);
        page.fill("#firstName", firstName);
        page.click("#room-save");
        page.waitForLoadState();
    }

    private static void login(Page page, VtoProcess vto) {
        page.navigate(vto.baseUrl() + "/login");
        page.fill("#username", "admin");
        page.fill("#password", PASSWORD);
        page.click("#login");
        assertThat(page).hasURL(Pattern.compile(".*/$"));
    }
}
