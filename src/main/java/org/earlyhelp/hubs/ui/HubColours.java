package org.earlyhelp.hubs.ui;

import java.util.List;
import org.earlyhelp.hubs.Hub;

/** Colours for hubs on maps: the Okabe-Ito palette, distinguishable with colour-blindness. */
final class HubColours {

    private static final List<String> PALETTE =
            List.of("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999");

    private HubColours() {}

    static String of(List<Hub> hubs, Hub hub) {
        int i = hubs.indexOf(hub);
        return PALETTE.get(Math.max(0, i) % PALETTE.size());
    }
}
