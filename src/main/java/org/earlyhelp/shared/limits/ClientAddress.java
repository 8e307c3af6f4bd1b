package org.earlyhelp.shared.limits;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;

/** The key under which a client's network address is counted against a limit. */
public final class ClientAddress {

    private ClientAddress() {}

    /**
     * An IPv4 address as it is; an IPv6 address by its /64 prefix, which one household or one
     * device usually holds whole, so that stepping through it does not escape the limit.
     */
    public static String key(String address) {
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        try {
            InetAddress parsed = InetAddress.ofLiteral(literal);
            if (parsed instanceof Inet6Address) {
                return "ipv6:" + HexFormat.of().formatHex(parsed.getAddress(), 0, 8) + "::/64";
            }
            return "ipv4:" + parsed.getHostAddress();
        } catch (IllegalArgumentException notAnAddress) {
            return "other:" + literal;
        }
    }
}
