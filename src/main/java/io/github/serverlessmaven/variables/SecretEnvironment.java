package io.github.serverlessmaven.variables;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which environment variables hold secrets: those the build names ({@code serverless.secretEnv}) and those whose
 * names say so ({@code DB_PASSWORD}, {@code GITHUB_TOKEN}, {@code STRIPE_API_KEY}, {@code AWS_SECRET_ACCESS_KEY}).
 * A value read through {@code ${env:...}} from either is treated as an SSM SecureString is: masked, never printed.
 */
public final class SecretEnvironment {

    /** Whole words of the name, so that {@code PASSWORD_FILE} counts and {@code TOKENIZER} or {@code PWD} do not. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(^|_)(PASS|PASSWORD|PASSWD|PASSPHRASE|SECRET|SECRETS|TOKEN|CREDENTIAL|CREDENTIALS|APIKEY)(_|$)"
                    + "|(^|_)(API|PRIVATE|ACCESS|SIGNING|ENCRYPTION|CLIENT)_KEY(_|$)");

    private final Set<String> named;

    public SecretEnvironment(Set<String> named) {
        this.named = named == null ? Set.of() : Set.copyOf(named);
    }

    public static SecretEnvironment byNameOnly() {
        return new SecretEnvironment(Set.of());
    }

    public boolean isSecret(String variable) {
        return named.contains(variable) || looksSecret(variable);
    }

    static boolean looksSecret(String variable) {
        return SECRET_NAME.matcher(variable.toUpperCase(Locale.ROOT)).find();
    }
}
