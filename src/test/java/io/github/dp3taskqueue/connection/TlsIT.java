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
package io.github.dp3taskqueue.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.dp3taskqueue.testing.TestBroker;
import io.github.dp3taskqueue.testing.TestCertificates;

/** amqps through Camel's SSLContextParameters, against a TLS listener the test starts with certificates it makes. */
@ExtendWith(TestBroker.class)
class TlsIT {

    private static final String TASK = "{\"etype\":\"e\",\"eid\":\"tls\",\"delete\":true}";
    private static TestCertificates certs;
    private static TestCertificates strangers;
    private static int tlsPort;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = TestCertificates.create("dp3-test-ca");
        strangers = TestCertificates.create("some-other-ca");
    }

    private static void listen(boolean requireClientCertificate) {
        tlsPort = TestBroker.startTlsListener(certs.file("ca.pem"), certs.file("broker.pem"), certs.file("broker.key"),
                requireClientCertificate);
    }

    @AfterEach
    void stopListening() {
        if (tlsPort > 0) {
            TestBroker.stopTlsListener(tlsPort);
            tlsPort = 0;
        }
    }

    @AfterAll
    static void deleteCertificates() throws Exception {
        if (certs != null) {
            certs.delete();
        }
        if (strangers != null) {
            strangers.delete();
        }
    }

    private static KeyStoreParameters store(TestCertificates from, String file) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + from.file(file));
        store.setPassword(TestCertificates.PASSWORD);
        store.setType("PKCS12");
        return store;
    }

    /** Trusting the broker through {@code truster}'s CA; presenting {@code client}'s certificate when given. */
    private static SSLContextParameters tls(TestCertificates truster, TestCertificates client) {
        SSLContextParameters tls = new SSLContextParameters();
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store(truster, "truststore.p12"));
        tls.setTrustManagers(trust);
        if (client != null) {
            KeyManagersParameters keys = new KeyManagersParameters();
            keys.setKeyStore(store(client, "client.p12"));
            keys.setKeyPassword(TestCertificates.PASSWORD);
            tls.setKeyManagers(keys);
        }
        return tls;
    }

    private static void roundTrip(SSLContextParameters tls) throws Exception {
        String app = TestBroker.uniqueApp("tls");
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("tls", tls);
            String uri = "dp3-taskqueue:" + app
                    + "?workers=1&declareTopology=true&retryDelays=200ms&sslContextParameters=#tls&host="
                    + TestBroker.host()
                    + "&port=" + tlsPort;
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").to(uri);
                    from(uri + "&workerIndex=0").to("mock:out");
                }
            });
            camel.start();
            MockEndpoint out = camel.getEndpoint("mock:out", MockEndpoint.class);
            out.expectedBodiesReceived(TASK);
            camel.createProducerTemplate().sendBody("direct:in", TASK);
            out.assertIsSatisfied(10_000);
        } finally {
            TestBroker.deleteApp(app, 1);
        }
    }

    @Test
    void producerAndConsumerWorkOverTlsWithATruststore() throws Exception {
        listen(false);
        roundTrip(tls(certs, null));
    }

    @Test
    void aBrokerRequiringAClientCertificateAcceptsOneItsCaSignedAndRefusesNone() throws Exception {
        listen(true);
        roundTrip(tls(certs, certs));
        assertThatThrownBy(() -> roundTrip(tls(certs, null))).hasStackTraceContaining("cannot connect to RabbitMQ at "
                + TestBroker.host() + ":" + tlsPort)
                .satisfies(e -> assertThat(e.toString()).doesNotContain(TestCertificates.PASSWORD));
    }

    @Test
    void aBrokerCertificateNotTrustedFailsNamingTheBroker() throws Exception {
        listen(false);
        assertThatThrownBy(() -> roundTrip(tls(strangers, null)))
                .hasStackTraceContaining(TestBroker.host() + ":" + tlsPort)
                .hasStackTraceContaining("cannot connect to RabbitMQ");
    }
}
