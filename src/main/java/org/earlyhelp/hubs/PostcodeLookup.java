package org.earlyhelp.hubs;

import java.util.List;
import java.util.Optional;
import org.earlyhelp.hubs.internal.HubRepository;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.Postcode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers "which area and hub covers this postcode?". Postcodes and area codes are public
 * geography, so anyone may ask, signed in or not.
 */
@Service
@Transactional(readOnly = true)
public class PostcodeLookup {

    /** The answer: the postcode in standard form and what covers it, or why there is no answer. */
    public sealed interface Result {}

    /** The postcode is known: its area and, once areas are assigned, its hub. */
    public record Found(
            Postcode postcode, String areaCode, String areaName, Optional<HubId> hub, Optional<String> hubName)
            implements Result {}

    /** The text is not a postcode. */
    public record Malformed(Message reason) implements Result {}

    /** A well-formed postcode this borough's lookup does not have. */
    public record Unknown(Postcode postcode) implements Result {}

    private final HubRepository hubs;

    PostcodeLookup(HubRepository hubs) {
        this.hubs = hubs;
    }

    /** Some postcodes in a hub's areas, in a stable order: public geography. */
    public List<String> postcodesIn(HubId hub, int limit) {
        return hubs.postcodesIn(hub.value(), limit);
    }

    /** Looks a postcode up, forgiving spacing and case. */
    public Result lookup(String typed) {
        Postcode postcode;
        try {
            postcode = Postcode.parse(typed);
        } catch (Postcode.Invalid e) {
            return new Malformed(e.why());
        }
        return hubs.findByPostcode(postcode.value())
                .<Result>map(row -> new Found(
                        postcode,
                        row.areaCode(),
                        row.areaName(),
                        Optional.ofNullable(row.hubId()).map(HubId::new),
                        Optional.ofNullable(row.hubName())))
                .orElseGet(() -> new Unknown(postcode));
    }
}
