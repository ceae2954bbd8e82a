package org.daysofchaos.agents.environment;

import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.NotBlank;

/** HTTP basic authentication: a user name and a password that is a secret. */
public record BasicAuth(
    @NotBlank @Doc("The user name.") String user,
    @Doc("The password: {fromEnv: VARIABLE} or {fromFile: PATH}.") Secret password) {}
