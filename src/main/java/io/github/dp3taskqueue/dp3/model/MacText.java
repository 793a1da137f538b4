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

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** DP3's {@code MACAddress._parse_mac}, check for check, on the text's UTF-8 bytes. */
final class MacText {

    private MacText() {
    }

    /** Why DP3 refuses the text (its own message), or {@code null} when it accepts it. */
    static String problem(String text) {
        byte[] mac = text.getBytes(StandardCharsets.UTF_8);
        if (mac.length != 17) {
            return "Invalid MAC address length, " + mac.length + " != 17";
        }
        if (mac[2] != ':' && mac[2] != '-') {
            return "Invalid MAC address format, expected separator ':' or '-'";
        }
        for (int i = 0; i < 18; i += 3) {
            int value = group(mac[i], mac[i + 1]);
            if (value == Integer.MIN_VALUE) {
                return "invalid literal for int() with base 16: b'" + (char) (mac[i] & 0xFF)
                        + (char) (mac[i + 1] & 0xFF) + "'";
            }
            if (value < 0 || value > 255) {
                return "byte must be in range(0, 256)";
            }
            if (i == 15) {
                break;
            }
            if (mac[i + 2] != mac[2]) {
                return "Invalid MAC address format at pos " + (i + 2) + ", expected separator '" + (char) mac[2]
                        + "' but got '" + (char) (mac[i + 2] & 0xFF) + "'";
            }
        }
        return null;
    }

    /** Lower case, colon separated: {@code str(MACAddress(text))} of an accepted text. */
    static String canonical(String text) {
        byte[] mac = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(17);
        for (int i = 0; i < 18; i += 3) {
            if (i > 0) {
                out.append(':');
            }
            out.append(String.format(Locale.ROOT, "%02x", group(mac[i], mac[i + 1])));
        }
        return out.toString();
    }

    /**
     * Python's {@code int(b, 16)} of two bytes: {@code hh}, a sign or white space before one digit,
     * or white space after it. {@link Integer#MIN_VALUE} when Python refuses them.
     */
    private static int group(byte a, byte b) {
        int da = Character.digit(a & 0xFF, 16);
        int db = Character.digit(b & 0xFF, 16);
        if (a < 0 || b < 0) {
            return Integer.MIN_VALUE;
        }
        if (da >= 0 && db >= 0) {
            return da * 16 + db;
        }
        if (db >= 0 && (a == '+' || space(a))) {
            return db;
        }
        if (db >= 0 && a == '-') {
            return -db;
        }
        if (da >= 0 && space(b)) {
            return da;
        }
        return Integer.MIN_VALUE;
    }

    private static boolean space(byte c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D);
    }
}
