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
package io.github.dp3taskqueue;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** An endpoint's identity is its real URI; only what is shown is masked. No broker: endpoints are only created. */
class EndpointIdentityTest {

    @Test
    void endpointsThatDifferOnlyInCredentialsAreTwoEndpoints() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            TaskQueueEndpoint alice = camel.getEndpoint("dp3-taskqueue:app?workers=2&username=alice&password=one",
                    TaskQueueEndpoint.class);
            TaskQueueEndpoint bob = camel.getEndpoint("dp3-taskqueue:app?workers=2&username=bob&password=two",
                    TaskQueueEndpoint.class);
            assertThat(alice).isNotEqualTo(bob);
            assertThat(alice.getEndpointUri()).isNotEqualTo(bob.getEndpointUri()).contains("password=one");
            assertThat(alice.toString()).doesNotContain("one").contains("xxxxxx");
            assertThat(alice.getMaskedUri()).isEqualTo(bob.getMaskedUri()).doesNotContain("one", "two");
            assertThat(camel.getEndpoint("dp3-taskqueue:app?workers=2&username=alice&password=one")).isSameAs(alice);
        }
    }
}
