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

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The lines the layout draws, checked on the compiled classes (docs/architecture.md): the DP3 core
 * ({@code dp3}) knows nothing of Camel, RabbitMQ, Spring or Vert.x, nor of the component around it
 * but the base of its exceptions; the confirm-mode publisher knows nothing of Camel; the Camel
 * intake of the producer nothing of amqp-client; and every public exception type of the component
 * is a {@link TaskQueueException}.
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.dp3taskqueue");
    }

    @Test
    void theDp3CoreImportsNeitherCamelNorRabbitMqNorSpring() {
        noClasses().that().resideInAPackage("io.github.dp3taskqueue.dp3..").should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.camel..", "com.rabbitmq..", "org.springframework..", "io.vertx..")
                .because("DP3's semantics (model, hash, codec) are the same whatever carries the tasks")
                .check(main);
    }

    @Test
    void theDp3CoreUsesNothingOfTheComponentButTheBaseOfItsExceptions() {
        classes().that().resideInAPackage("io.github.dp3taskqueue.dp3..").should().onlyDependOnClassesThat(
                resideOutsideOfPackage("io.github.dp3taskqueue..").or(resideInAPackage("io.github.dp3taskqueue.dp3.."))
                        .or(type(TaskQueueException.class)))
                .check(main);
    }

    @Test
    void thePublisherKnowsNothingOfCamelAndTheIntakeNothingOfAmqpClient() {
        noClasses().that().resideInAPackage("io.github.dp3taskqueue.publisher..").should().dependOnClassesThat()
                .resideInAPackage("org.apache.camel..").check(main);
        noClasses().that().resideInAPackage("io.github.dp3taskqueue.producer..").should().dependOnClassesThat()
                .resideInAPackage("com.rabbitmq..").check(main);
    }

    @Test
    void theOptionalIntegrationsStayInTheirPackagesAndObservingKnowsNothingOfCamel() {
        noClasses().that().resideOutsideOfPackage("io.github.dp3taskqueue.metrics..").should().dependOnClassesThat()
                .resideInAPackage("io.micrometer..")
                .because("Micrometer is optional: only the metrics package may load its classes").check(main);
        noClasses().that().resideOutsideOfPackage("io.github.dp3taskqueue.telemetry..").should()
                .dependOnClassesThat().resideInAPackage("org.apache.camel.telemetry..")
                .because("camel-telemetry is optional: only its span decorator may load its classes").check(main);
        noClasses().that().resideInAPackage("io.github.dp3taskqueue.observe..").should().dependOnClassesThat()
                .resideInAPackage("org.apache.camel..").check(main);
    }

    @Test
    void everyPublicExceptionIsATaskQueueException() {
        classes().that().areAssignableTo(Throwable.class).and().arePublic().and().areTopLevelClasses().should()
                .beAssignableTo(TaskQueueException.class)
                .because("a route handles every failure of the component with onException(TaskQueueException)")
                .check(main);
    }
}
