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
package io.github.dp3taskqueue.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;

/**
 * CPU time used so far by this JVM and by a RabbitMQ broker running on this machine (its Erlang
 * VM, read from /proc; 0 when there is none to read). On a 2-core machine the broker and the
 * client share the cores, so a scenario's rate depends on both: printed next to the rates.
 */
record CpuUse(long jvmNanos, long brokerNanos) {

    private static final long TICK_NANOS = 10_000_000L; // USER_HZ is 100 on Linux

    static CpuUse now() {
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuUse(os.getProcessCpuTime(), brokerNanos0());
    }

    CpuUse since(CpuUse start) {
        return new CpuUse(jvmNanos - start.jvmNanos, brokerNanos - start.brokerNanos);
    }

    String describe() {
        return String.format("JVM %.1f s, broker %.1f s", jvmNanos / 1e9, brokerNanos / 1e9);
    }

    private static long brokerNanos0() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(CpuUse::beamTicks).sum() * TICK_NANOS;
        } catch (Exception e) {
            return 0;
        }
    }

    private static long beamTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int close = stat.lastIndexOf(')');
            if (!stat.substring(stat.indexOf('(') + 1, close).startsWith("beam")) {
                return 0;
            }
            String[] fields = stat.substring(close + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (Exception e) {
            return 0;
        }
    }
}
