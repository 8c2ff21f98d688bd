package org.issuetracker.interfaces.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class DashboardTest {

    @Test
    void chartJsonCannotEndTheInlineScriptItIsWrittenInto() {
        String json = Json.createObjectBuilder()
                .add("label", "</script><script>alert(1)</script> & co")
                .build()
                .toString();

        String safe = Dashboard.scriptSafe(json);

        assertThat(safe).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        assertThat(Json.createReader(new StringReader(safe)).readObject().getString("label"))
                .isEqualTo("</script><script>alert(1)</script> & co");
    }
}
