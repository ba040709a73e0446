package org.openvto.web.internal.facade;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import org.openvto.backup.ConfigurationFile;
import org.openvto.facade.CallKey;
import org.openvto.facade.FacadeLayout;
import org.openvto.facade.ModuleKind;
import org.openvto.facade.io.FacadeControl;
import org.openvto.household.FacadeService;
import org.openvto.web.internal.ApiResults;
import org.openvto.web.internal.Json;

/**
 * {@code /api/v1/facade}: the façade layout as in the configuration file, plus what the page derives — the kinds
 * the Add list still offers and every call key as it works now (a deleted room's key reads as unassigned). A PUT
 * replaces the fields it names and is checked as a whole.
 */
public final class FacadeApi {
    private final FacadeService facade;
    private final FacadeControl control;

    public FacadeApi(FacadeService facade, FacadeControl control) {
        this.facade = facade;
        this.control = control;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/facade", ctx -> Json.send(ctx, 200, json()));
        routes.put("/api/v1/facade", ctx -> {
            FacadeLayout next = ConfigurationFile.facade(Json.body(ctx), ApiResults.reader(ctx), facade.working());
            ApiResults.apply(ctx, () -> facade.update(next), this::json);
        });
    }

    private ObjectNode json() {
        FacadeLayout layout = facade.current();
        ObjectNode n = ConfigurationFile.facade(layout);
        n.put("maxAdded", layout.model().maxAdded());
        ArrayNode addable = n.putArray("addable");
        layout.addable().stream().map(ModuleKind::token).forEach(addable::add);
        // each module's status, in cascade order: a module of the layout that is not connected is offline
        n.set("status", VirtualFacadeApi.state(control.state()).get("modules"));
        ArrayNode keys = n.putArray("callKeys");
        for (CallKey k : facade.callKeys()) {
            ObjectNode key = keys.addObject()
                    .put("module", k.module())
                    .put("key", k.key())
                    .put("state", k.state().name().toLowerCase(java.util.Locale.ROOT))
                    .put("label", k.label());
            k.room().ifPresent(room -> key.put("room", room));
        }
        return n;
    }
}
