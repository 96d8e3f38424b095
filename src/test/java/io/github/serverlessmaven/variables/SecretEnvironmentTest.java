package io.github.serverlessmaven.variables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretEnvironmentTest {

    @Test
    void namesThatSaySecretAreSecret() {
        for (String name : new String[] {"DB_PASSWORD", "db_password", "PASSWORD", "SMTP_PASS", "GPG_PASSPHRASE",
                "CLIENT_SECRET", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "GITHUB_TOKEN", "TOKEN_VALUE",
                "STRIPE_API_KEY", "SENDGRID_APIKEY", "JWT_PRIVATE_KEY", "AWS_ACCESS_KEY_ID", "APP_CREDENTIALS",
                "OAUTH_CLIENT_KEY", "SIGNING_KEY"}) {
            assertThat(SecretEnvironment.looksSecret(name)).as(name).isTrue();
        }
    }

    @Test
    void otherNamesAreNot() {
        for (String name : new String[] {"PWD", "HOME", "PATH", "STAGE", "TOKENIZER_MODEL", "PASSENGER_COUNT",
                "KEYBOARD", "BYPASS", "API_URL", "SECRETARY_NAME", "KEY_ID"}) {
            assertThat(SecretEnvironment.looksSecret(name)).as(name).isFalse();
        }
    }

    @Test
    void theBuildCanNameMore() {
        SecretEnvironment env = new SecretEnvironment(Set.of("PAYMENT_GATEWAY"));
        assertThat(env.isSecret("PAYMENT_GATEWAY")).isTrue();
        assertThat(env.isSecret("DB_PASSWORD")).isTrue();
        assertThat(env.isSecret("STAGE")).isFalse();
        assertThat(SecretEnvironment.byNameOnly().isSecret("PAYMENT_GATEWAY")).isFalse();
    }
}
