package org.earlyhelp.hubs.internal;

import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.hubs.AreaMap;
import org.earlyhelp.shared.HubId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Turns stored outlines into an {@link AreaMap} ready to draw. */
@Component
public class AreaMaps {

    private static final double WIDTH = 800;
    private final ObjectMapper json = JsonMapper.builder().build();

    public AreaMap draw(List<AreaRepository.Outline> outlines) {
        List<Geometry> shapes = new ArrayList<>(outlines.size());
        for (AreaRepository.Outline o : outlines) {
            shapes.add(Geometry.fromGeoJson(json.readTree(o.geometry())));
        }
        MapProjection projection = new MapProjection(shapes, WIDTH);
        List<AreaMap.Shape> drawn = new ArrayList<>(outlines.size());
        for (int i = 0; i < outlines.size(); i++) {
            AreaRepository.Outline o = outlines.get(i);
            drawn.add(new AreaMap.Shape(
                    o.code(),
                    o.name(),
                    o.hubId() == null ? null : new HubId(o.hubId()),
                    o.imdDecile(),
                    o.population(),
                    o.children(),
                    projection.path(shapes.get(i))));
        }
        return new AreaMap(projection.width(), projection.height(), drawn);
    }
}
