package org.earlyhelp.portal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.HandlerHelper.RequestType;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinRequestInterceptor;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.VaadinSessionState;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Vaadin keeps, for each open page, the last answer it sent, to send it again if the browser
 * repeats its message (after a lost answer). Java stores a string in one byte a character only
 * while every character is in Latin-1: one curly quote or emoji in a page and the whole kept
 * answer (up to about 100,000 characters for the hub dashboard) takes two bytes a character. After
 * each of a page's messages, the kept answer is written again with every character beyond Latin-1
 * as a JSON escape ({@code \u201c}): the same JSON to the browser, half the memory. Measured in
 * docs/performance.md.
 */
@Component
class KeptAnswers implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;
    private static final HexFormat HEX = HexFormat.of();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addVaadinRequestInterceptor(new Interceptor());
    }

    /**
     * The same JSON with every character beyond Latin-1 written as a {@code \}{@code uXXXX} escape
     * (in JSON such characters can only be inside strings, where the escape means the same
     * character); the same string when there is none.
     */
    static String inLatin1(String json) {
        int first = firstBeyondLatin1(json);
        if (first < 0) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length() + 64).append(json, 0, first);
        for (int i = first; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c <= 0xFF) {
                out.append(c);
            } else {
                out.append("\\u").append(HEX.toHexDigits(c));
            }
        }
        return out.toString();
    }

    /**
     * Where the first character beyond Latin-1 is, or -1: every answer is checked, most have none,
     * so the string is copied out a block at a time and the block's characters OR-ed together: a
     * loop without a branch a character, which the JIT can compile to vector instructions, where
     * {@code charAt} one by one checked the index and the string's coding at each character.
     */
    static int firstBeyondLatin1(String s) {
        char[] block = new char[Math.min(s.length(), BLOCK)];
        for (int start = 0; start < s.length(); start += BLOCK) {
            int length = Math.min(BLOCK, s.length() - start);
            s.getChars(start, start + length, block, 0);
            int any = 0;
            for (int i = 0; i < length; i++) {
                any |= block[i];
            }
            if (any > 0xFF) {
                for (int i = 0; i < length; i++) {
                    if (block[i] > 0xFF) {
                        return start + i;
                    }
                }
            }
        }
        return -1;
    }

    private static final int BLOCK = 2048;

    private static final class Interceptor implements VaadinRequestInterceptor {

        private static final long serialVersionUID = 1L;

        @Override
        public void requestStart(VaadinRequest request, VaadinResponse response) {}

        @Override
        public void handleException(
                VaadinRequest request, VaadinResponse response, VaadinSession session, Exception exception) {}

        @Override
        public void requestEnd(VaadinRequest request, VaadinResponse response, @Nullable VaadinSession session) {
            String uiId = request.getParameter("v-uiId");
            if (session == null
                    || session.getLockInstance() == null
                    || uiId == null
                    || !HandlerHelper.isRequestType(request, RequestType.UIDL)) {
                return;
            }
            // Nothing of a session or its pages may be read without its lock, not even its state.
            session.lock();
            try {
                if (session.getState() != VaadinSessionState.OPEN) {
                    return;
                }
                UI ui = session.getUIById(Integer.parseInt(uiId));
                String kept = ui == null ? null : ui.getInternals().getLastRequestResponse();
                if (kept != null) {
                    ui.getInternals().setLastRequestResponse(inLatin1(kept));
                }
            } catch (NumberFormatException notAPage) {
                // not one of Vaadin's own messages: nothing kept
            } finally {
                session.unlock();
            }
        }
    }
}
