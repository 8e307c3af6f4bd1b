package org.earlyhelp.sufficiency.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.work.WaitingItem;
import org.earlyhelp.shared.work.WaitingWork;
import org.earlyhelp.sufficiency.CareStock;
import org.earlyhelp.sufficiency.DemonstrationSupply;
import org.earlyhelp.sufficiency.Forecasts;
import org.springframework.stereotype.Component;

/**
 * A commissioner's home page describes the placement data actually held: the children in care on
 * the latest returns, whether they are the demonstration's made-up returns, and made-up supply
 * left beside the council's own returns.
 */
@Component
class SufficiencyWaitingWork implements WaitingWork {

    private final Forecasts forecasts;
    private final CareStock stock;
    private final DemonstrationSupply demonstration;

    SufficiencyWaitingWork(Forecasts forecasts, CareStock stock, DemonstrationSupply demonstration) {
        this.forecasts = forecasts;
        this.stock = stock;
        this.demonstration = demonstration;
    }

    @Override
    public List<WaitingItem> waitingFor(CurrentUser user) {
        List<WaitingItem> items = new ArrayList<>();
        if (!user.has(Role.COMMISSIONER)) {
            return items;
        }
        Optional<LocalDate> latest = forecasts.dataEnd();
        if (latest.isEmpty()) {
            return items;
        }
        DemonstrationSupply.Held made = demonstration.held();
        long inCare = stock.total(latest.get());
        if (made.children() > 0) {
            items.add(new WaitingItem("commissioner.demonstration-returns", inCare, "sufficiency"));
        } else {
            items.add(new WaitingItem("commissioner.returns-held", inCare, "sufficiency"));
            if (made.anySupply()) {
                items.add(new WaitingItem(
                        "commissioner.demonstration-supply",
                        made.providers() + made.contracts() + made.supplyFigures() + made.carers(),
                        "sufficiency"));
            }
        }
        return items;
    }
}
