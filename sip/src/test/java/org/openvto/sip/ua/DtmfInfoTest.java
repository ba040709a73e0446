package org.openvto.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DtmfInfoTest {
    private static DtmfInfo.Result parse(String type, String body) {
        return DtmfInfo.parse(type, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void dtmfRelayAsBaresipAndLinphoneSendIt() {
        assertThat(parse("application/dtmf-relay", "Signal=#\r\nDuration=250\r\n"))
                .isEqualTo(new DtmfInfo.Result.Digit('#', "info-dtmf-relay"));
        assertThat(parse("Application/DTMF-Relay; charset=utf-8", "signal= 5\nDuration=160"))
                .isEqualTo(new DtmfInfo.Result.Digit('5', "info-dtmf-relay"));
        assertThat(parse("application/dtmf-relay", "Signal=11\r\n"))
                .as("event number of #")
                .isEqualTo(new DtmfInfo.Result.Digit('#', "info-dtmf-relay"));
    }

    @Test
    void dtmfBodyIsTheDigitOrItsEventNumber() {
        assertThat(parse("application/dtmf", "*\r\n")).isEqualTo(new DtmfInfo.Result.Digit('*', "info-dtmf"));
        assertThat(parse("application/dtmf", "10")).isEqualTo(new DtmfInfo.Result.Digit('*', "info-dtmf"));
        assertThat(parse("application/dtmf", "d")).isEqualTo(new DtmfInfo.Result.Digit('D', "info-dtmf"));
    }

    @Test
    void anythingElseIsNotDtmfWithTheReason() {
        assertThat(parse("application/dtmf", "16")).isEqualTo(new DtmfInfo.Result.NotDtmf("not a DTMF digit: 16"));
        assertThat(parse("application/dtmf-relay", "Duration=160"))
                .isEqualTo(new DtmfInfo.Result.NotDtmf("no Signal= line"));
        assertThat(parse("application/sdp", "v=0")).isInstanceOf(DtmfInfo.Result.NotDtmf.class);
        assertThat(parse("application/dtmf", "")).isEqualTo(new DtmfInfo.Result.NotDtmf("empty body"));
        assertThat(DtmfInfo.parse(null, new byte[] {'5'})).isEqualTo(new DtmfInfo.Result.NotDtmf("no Content-Type"));
        assertThat(DtmfInfo.parse("application/dtmf", new byte[600])).isInstanceOf(DtmfInfo.Result.NotDtmf.class);
    }
}
