package org.daysofchaos.agents.environment;

import java.util.Optional;
import org.daysofchaos.core.spec.Doc;

/**
 * How to trust an https server whose certificate is not signed by an authority the JVM knows. There
 * is deliberately no way to turn verification off.
 */
public record Tls(
    @Doc(
            "A PEM file of the certificate authorities to trust for this server (relative to the"
                + " environment file's folder), in addition to the JVM's.")
        Optional<String> ca) {}
