/*
 * Copyright 2026 the dp3-taskqueue authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.dp3taskqueue.dp3.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * IP address text as Python's {@code ipaddress} module reads and prints it, which is what DP3
 * uses for {@code ipv4} and {@code ipv6} entity ids. {@link java.net.InetAddress} is not used:
 * it accepts forms Python refuses (leading zeros, short IPv4 forms) and may resolve names.
 */
public final class Ipv6Text {

    private Ipv6Text() {
    }

    /** {@code str(IPv4Address(text))}; {@link IllegalArgumentException} when Python refuses the text. */
    public static String ipv4(String text) {
        parseIpv4(text); // it accepts only the canonical form (four parts, no leading zeros): the text is its own str()
        return text;
    }

    /** {@code str(IPv4Address(value))} of an integer; {@code null} when out of range. */
    public static String ipv4(BigInteger value) {
        return value.signum() < 0 || value.bitLength() > 32 ? null : formatIpv4(value.longValue());
    }

    /** {@code str(IPv6Address(text))}; {@link IllegalArgumentException} when Python refuses the text. */
    public static String ipv6(String text) {
        return canonical(text);
    }

    /** {@code str(IPv6Address(value))} of an integer; {@code null} when out of range. */
    public static String ipv6(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > 128) {
            return null;
        }
        int[] hextets = new int[8];
        for (int i = 0; i < 8; i++) {
            hextets[i] = value.shiftRight(16 * (7 - i)).intValue() & 0xFFFF;
        }
        return format(hextets);
    }

    /** Parses dotted-decimal IPv4 as Python does: four parts, 0..255, no leading zeros. */
    static long parseIpv4(String text) {
        long value = 0;
        int parts = 0;
        int i = 0;
        int n = text.length();
        while (true) {
            int start = i;
            int octet = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                octet = octet * 10 + (text.charAt(i) - '0');
                i++;
            }
            int length = i - start;
            if (length == 0 || length > 3 || (length > 1 && text.charAt(start) == '0') || octet > 255) {
                throw new IllegalArgumentException();
            }
            value = (value << 8) | octet;
            parts++;
            if (i == n) {
                break;
            }
            if (text.charAt(i) != '.' || parts == 4) {
                throw new IllegalArgumentException();
            }
            i++;
        }
        if (parts != 4) {
            throw new IllegalArgumentException();
        }
        return value;
    }

    static String formatIpv4(long value) {
        return (value >> 24) + "." + ((value >> 16) & 0xFF) + "." + ((value >> 8) & 0xFF) + "." + (value & 0xFF);
    }

    /** The address as Python's {@code str(IPv6Address(text))} prints it (RFC 5952 compression). */
    static String canonical(String text) {
        String address = text;
        String scope = null;
        int percent = text.indexOf('%');
        if (percent >= 0) {
            address = text.substring(0, percent);
            scope = text.substring(percent + 1);
            if (scope.isEmpty() || scope.indexOf('%') >= 0) {
                throw new IllegalArgumentException();
            }
        }
        return format(parse(address)) + (scope == null ? "" : "%" + scope);
    }

    /** Python's {@code IPv6Address._ip_int_from_string}, step by step. */
    private static int[] parse(String address) {
        List<String> parts = new ArrayList<>(Arrays.asList(address.split(":", -1)));
        if (parts.size() < 3) {
            throw new IllegalArgumentException();
        }
        if (parts.get(parts.size() - 1).indexOf('.') >= 0) {
            long ipv4 = parseIpv4(parts.remove(parts.size() - 1));
            parts.add(Long.toHexString(ipv4 >> 16));
            parts.add(Long.toHexString(ipv4 & 0xFFFF));
        }
        int count = parts.size();
        if (count > 9) {
            throw new IllegalArgumentException();
        }
        // where the "::" is: an empty part strictly inside
        int skip = -1;
        for (int i = 1; i < count - 1; i++) {
            if (parts.get(i).isEmpty()) {
                if (skip >= 0) {
                    throw new IllegalArgumentException();
                }
                skip = i;
            }
        }
        int head;
        int tail;
        if (skip >= 0) {
            head = skip;
            tail = count - skip - 1;
            if (parts.get(0).isEmpty() && --head != 0) {
                throw new IllegalArgumentException();
            }
            if (parts.get(count - 1).isEmpty() && --tail != 0) {
                throw new IllegalArgumentException();
            }
            if (8 - (head + tail) < 1) {
                throw new IllegalArgumentException();
            }
        } else {
            if (count != 8) {
                throw new IllegalArgumentException();
            }
            head = count;
            tail = 0;
        }
        int[] hextets = new int[8];
        for (int i = 0; i < head; i++) {
            hextets[i] = hextet(parts.get(i));
        }
        for (int i = 0; i < tail; i++) {
            hextets[8 - tail + i] = hextet(parts.get(count - tail + i));
        }
        return hextets;
    }

    private static int hextet(String part) {
        if (part.isEmpty() || part.length() > 4) {
            throw new IllegalArgumentException();
        }
        for (int i = 0; i < part.length(); i++) {
            if (Character.digit(part.charAt(i), 16) < 0 || part.charAt(i) > 'f') {
                throw new IllegalArgumentException();
            }
        }
        return Integer.parseInt(part, 16);
    }

    private static String format(int[] hextets) {
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8;) {
            if (hextets[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && hextets[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder(40);
        for (int i = 0; i < 8; i++) {
            if (bestLength > 1 && i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            out.append(Integer.toHexString(hextets[i]).toLowerCase(Locale.ROOT));
            if (i < 7) {
                out.append(':');
            }
        }
        return out.toString();
    }
}
