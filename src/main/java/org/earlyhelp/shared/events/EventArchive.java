package org.earlyhelp.shared.events;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.shared.events.internal.PublicationRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps erased people out of the stored events: the publications (kept, when complete, in an
 * archive the dashboards are rebuilt from) are redacted where they mention an erased record. An
 * id becomes the nil UUID, so counts still add up when the dashboards are rebuilt; names, labels
 * and a young person's words become "Deleted record" or go.
 */
@Component
public class EventArchive {

    /** Fields of the events that hold what a person said or is called. */
    static final Set<String> PERSONAL = Set.of("familyLabel", "label", "firstName", "words", "concerns", "reasons");

    static final String NIL = new UUID(0, 0).toString();

    private final PublicationRepository publications;
    private final ObjectMapper json = JsonMapper.builder().build();

    EventArchive(PublicationRepository publications) {
        this.publications = publications;
    }

    /**
     * Redacts every stored publication, complete or not, that mentions one of these ids or texts:
     * its personal fields go, the ids to replace become the nil UUID (the others, such as a
     * request's id, stay so that the dashboards still count it), and any value holding one of the
     * texts becomes "Deleted record".
     *
     * @return how many were redacted
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int redact(Collection<String> mentioning, Collection<String> replaceIds, Collection<String> texts) {
        int redacted = 0;
        Set<String> replace = Set.copyOf(replaceIds);
        Set<String> names = Set.copyOf(texts);
        for (String table : PublicationRepository.TABLES) {
            for (String id : mentioning) {
                redacted += redactWhere(table, id, replace, names);
            }
            for (String text : texts) {
                if (text.strip().length() >= 3) {
                    redacted += redactWhere(table, text, replace, names);
                }
            }
        }
        return redacted;
    }

    private int redactWhere(String table, String mention, Set<String> ids, Set<String> texts) {
        List<PublicationRepository.Stored> rows = publications.mentioning(table, mention);
        for (PublicationRepository.Stored row : rows) {
            JsonNode tree = json.readTree(row.event());
            publications.replace(table, row.id(), json.writeValueAsString(redacted(tree, ids, texts)));
        }
        return rows.size();
    }

    private static JsonNode redacted(JsonNode node, Set<String> ids, Set<String> texts) {
        if (node instanceof ObjectNode object) {
            for (String field : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(field);
                if (PERSONAL.contains(field) && value.isString()) {
                    object.put(field, field.equals("familyLabel") || field.equals("label") ? "Deleted record" : null);
                } else if (value.isString()) {
                    object.put(field, redactedText(value.asString(), ids, texts));
                } else {
                    redacted(value, ids, texts);
                }
            }
        } else if (node.isArray()) {
            var array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isString()) {
                    array.set(i, redactedText(value.asString(), ids, texts));
                } else {
                    redacted(value, ids, texts);
                }
            }
        }
        return node;
    }

    private static String redactedText(String value, Set<String> ids, Set<String> texts) {
        if (ids.contains(value)) {
            return NIL;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        for (String text : texts) {
            if (text.strip().length() >= 3 && lower.contains(text.toLowerCase(Locale.ROOT))) {
                return "Deleted record";
            }
        }
        return value;
    }
}
