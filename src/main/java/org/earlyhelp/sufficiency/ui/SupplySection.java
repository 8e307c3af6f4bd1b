package org.earlyhelp.sufficiency.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.sufficiency.PlacementCategory;
import org.earlyhelp.sufficiency.PlacementSupply;

/**
 * The forecast page's supply: the places the council can use in each placement category, each
 * saved as it is changed, and the weekly cost of a placement by category and provider group.
 */
class SupplySection extends Section {

    private final transient PlacementSupply placementSupply;

    SupplySection(PlacementSupply placementSupply) {
        super(new H2(I18NProvider.translate("forecast.supply.title")));
        this.placementSupply = placementSupply;
        add(new Paragraph(getTranslation("forecast.supply.intro")));
        Map<PlacementCategory, Integer> supply = placementSupply.supply();
        FormLayout form = new FormLayout();
        for (PlacementCategory category : PlacementCategory.values()) {
            IntegerField places = new IntegerField(Labels.category(category));
            places.setMin(0);
            places.setValue(supply.getOrDefault(category, 0));
            places.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    try {
                        placementSupply.setSupply(category, e.getValue());
                    } catch (ValidationException invalid) {
                        places.setInvalid(true);
                        places.setErrorMessage(
                                String.join(" ", Words.of(invalid).values()));
                    }
                }
            });
            form.add(places);
        }
        add(form);
        Map<PlacementCategory, Map<String, Double>> costs = placementSupply.weeklyCosts();
        add(new H3(getTranslation("forecast.costs.title")), new Paragraph(getTranslation("forecast.costs.intro")));
        Select<PlacementCategory> category = new Select<>();
        category.setLabel(getTranslation("forecast.gap.category"));
        category.setItems(PlacementCategory.values());
        category.setItemLabelGenerator(Labels::category);
        Select<String> group = new Select<>();
        group.setLabel(getTranslation("forecast.costs.group"));
        group.setItems(PlacementSupply.PROVIDER_GROUPS);
        group.setItemLabelGenerator(Labels::providerGroup);
        NumberField cost = new NumberField(getTranslation("forecast.costs.weekly"));
        cost.setMin(0);
        category.addValueChangeListener(e -> show(costs, category, group, cost));
        group.addValueChangeListener(e -> show(costs, category, group, cost));
        Button set = new Button(getTranslation("forecast.costs.set"), e -> {
            if (category.getValue() == null || group.getValue() == null || cost.getValue() == null) {
                return;
            }
            try {
                placementSupply.setWeeklyCost(category.getValue(), group.getValue(), cost.getValue());
                costs.computeIfAbsent(category.getValue(), k -> new LinkedHashMap<>())
                        .put(group.getValue(), cost.getValue());
                Notification.show(getTranslation("forecast.costs.saved"), 3000, Notification.Position.BOTTOM_START);
            } catch (ValidationException invalid) {
                cost.setInvalid(true);
                cost.setErrorMessage(String.join(" ", Words.of(invalid).values()));
            }
        });
        add(new FormLayout(category, group, cost), set);
    }

    private static void show(
            Map<PlacementCategory, Map<String, Double>> costs,
            Select<PlacementCategory> category,
            Select<String> group,
            NumberField cost) {
        if (category.getValue() != null && group.getValue() != null) {
            cost.setValue(costs.getOrDefault(category.getValue(), Map.of()).get(group.getValue()));
        }
    }
}
